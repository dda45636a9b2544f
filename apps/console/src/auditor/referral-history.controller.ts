import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { ServiceApi } from '../platform/api-client';
import { pageId } from '../platform/ids';
import type { SessionUser } from '../platform/session-user';
import type { LedgerItem, StateAt } from './api-shapes';
import { eventLine, splitAccess } from './ledger-words';
import { compareStates } from './state-rows';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
/** The ledger pages a timeline by sequence number. */
const CURSOR = /^\d{1,15}$/;
const TIMELINE_PAGE = 500;

/** The moment picked on the page (UTC, to the minute or the second), or a problem to show beside the fields. */
export function readMoment(query: Record<string, unknown>): {
  at?: string;
  date: string;
  time: string;
  error?: string;
} {
  const date = typeof query['date'] === 'string' ? query['date'].trim() : '';
  const time = typeof query['time'] === 'string' && query['time'].trim() ? query['time'].trim() : '23:59';
  if (!date) return { date, time };
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    return { date, time, error: 'Enter a real date, like 2026-12-01' };
  if (!TIME.test(time)) return { date, time, error: 'Enter a time on the 24-hour clock, like 14:30' };
  // To the end of the minute (or second) picked: everything that happened in it counts.
  return { at: time.length === 5 ? `${date}T${time}:59.999Z` : `${date}T${time}.999Z`, date, time };
}

/** One referral across the four services: its story in order, who read it apart, and its state at a moment. */
@Controller('audit/referrals')
@ForRoles('auditor', 'admin')
export class ReferralHistoryController {
  constructor(private readonly api: ServiceApi) {}

  /** One page of the timeline at a time (the ledger pages it): a long case never loads whole. */
  @Get(':id')
  async timeline(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Query('cursor') cursor: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const referralId = pageId(id);
    const from = typeof cursor === 'string' && CURSOR.test(cursor) ? cursor : undefined;
    const timeline = await this.api.get<{ items: LedgerItem[]; nextCursor?: string | number | null }>(
      user,
      'audit-ledger',
      `/api/audit/referrals/${referralId}/timeline`,
      {
        query: { limit: TIMELINE_PAGE, cursor: from },
      },
    );
    const { story, access } = splitAccess(timeline.items.map(eventLine));
    const laterEvents = timeline.nextCursor
      ? `/audit/referrals/${referralId}?cursor=${encodeURIComponent(String(timeline.nextCursor))}`
      : null;
    res.render('pages/auditor/timeline.njk', {
      title: 'Referral timeline',
      referralId,
      story,
      access,
      laterEvents,
      firstPage: from ? `/audit/referrals/${referralId}` : null,
    });
  }

  @Get(':id/state')
  async state(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const referralId = pageId(id);
    const moment = readMoment(query);
    const timeline = await this.api.get<{ items: LedgerItem[] }>(
      user,
      'audit-ledger',
      `/api/audit/referrals/${referralId}/timeline`,
    );
    const lines = timeline.items.map(eventLine);
    if (!moment.at) {
      return res.status(moment.error ? 400 : 200).render('pages/auditor/state.njk', {
        title: 'State at a moment',
        referralId,
        moment,
        lines,
        pageHasErrors: !!moment.error,
      });
    }
    const [then, now] = await Promise.all([
      this.api.get<StateAt>(user, 'audit-ledger', `/api/audit/referrals/${referralId}/state`, {
        query: { at: moment.at },
      }),
      this.api.get<StateAt>(user, 'audit-ledger', `/api/audit/referrals/${referralId}/state`, {
        query: { at: new Date().toISOString() },
      }),
    ]);
    const since = lines.filter((line) => !line.access && line.occurredAt > (moment.at as string));
    res.render('pages/auditor/state.njk', {
      title: 'State at a moment',
      referralId,
      moment,
      lines,
      then,
      rows: compareStates(then.state, now.state),
      since,
    });
  }
}

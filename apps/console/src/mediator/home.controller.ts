import { Controller, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { ServiceApi } from '../platform/api-client';
import type { SessionUser } from '../platform/session-user';
import { CONSOLE_CONFIG } from '../platform/tokens';
import { Inject } from '@nestjs/common';
import type { ConsoleEnv } from '../console.env';
import type { CaseSummary, MySession, Page } from './api-shapes';
import { TERMS_DUE_WITHIN_DAYS, watchAgreements } from './agreements-watch';
import { loadGate } from './mediator-cases';
import { nextStepOf } from './next-step';
import { addDays, addMonths, daysOf, isoDay, isoMonth, monthGrid, monthStart, weekStart } from './week';

const WEEK_MS = 7 * 86_400_000;

/** The mediator's home (what needs them this week) and their calendar subscription. */
@Controller('mediator')
@ForRoles('mediator')
export class MediatorHomeController {
  constructor(
    private readonly api: ServiceApi,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleEnv,
  ) {}

  @Get()
  async home(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    const now = new Date();
    const [week, cases] = await Promise.all([
      this.api.get<Page<MySession>>(user, 'mediation-scheduling', '/api/me/sessions', {
        query: { from: now.toISOString(), to: new Date(now.getTime() + WEEK_MS).toISOString() },
      }),
      this.api.get<Page<CaseSummary>>(user, 'mediation-scheduling', '/api/cases', { query: { limit: 100 } }),
    ]);
    const toDeclare = cases.items.filter((c) => c.mediators.some((m) => m.mediatorId === user.sub && !m.declared));
    const declaredEver = cases.items.filter((c) => c.mediators.some((m) => m.mediatorId === user.sub && m.declared));
    const declared = declaredEver.filter((c) => c.status !== 'concluded');
    // Both together, so that neither's failure is left unobserved while the other is awaited.
    const [steps, { termsDue, noticesOwed }] = await Promise.all([
      Promise.all(
        declared.map(async (summary) => {
          const gate = await loadGate(this.api, user, summary.id);
          return {
            summary,
            participants: gate.participants.map((p) => ({
              role: p.role,
              step: nextStepOf(p),
              risk: p.recorded.latestRisk,
              reassessment: p.riskReassessment,
            })),
            jointAllowed: gate.allowed.joint_dialogue,
            indirectAllowed: gate.allowed.indirect_dialogue,
          };
        }),
      ),
      watchAgreements(this.api, user, declaredEver, now.toISOString().slice(0, 10)),
    ]);
    const reassessments = steps.flatMap((entry) =>
      entry.participants
        .filter((p) => p.reassessment)
        .map((p) => ({ summary: entry.summary, role: p.role, reason: p.reassessment })),
    );
    res.render('pages/mediator/home.njk', {
      title: 'Home',
      sessions: week.items,
      toDeclare,
      steps,
      reassessments,
      termsDue,
      termsDueWithinDays: TERMS_DUE_WITHIN_DAYS,
      noticesOwed,
      onHold: declared.filter((c) => c.status === 'on_hold'),
    });
  }

  /** A week of the mediator's sessions, Monday to Sunday (UTC), with the weeks around it. */
  @Get('sessions')
  async week(@CurrentUser() user: SessionUser, @Query('week') week: unknown, @Res() res: Response): Promise<void> {
    const monday = weekStart(week);
    const sessions = await this.api.get<Page<MySession>>(user, 'mediation-scheduling', '/api/me/sessions', {
      query: { from: monday.toISOString(), to: addDays(monday, 7).toISOString() },
    });
    res.render('pages/mediator/week.njk', {
      title: 'My sessions',
      monday: isoDay(monday),
      sunday: isoDay(addDays(monday, 6)),
      days: daysOf(monday, sessions.items),
      previous: isoDay(addDays(monday, -7)),
      next: isoDay(addDays(monday, 7)),
    });
  }

  /** A month of the mediator's sessions as a calendar (UTC), with the months around it. */
  @Get('sessions/month')
  async month(@CurrentUser() user: SessionUser, @Query('month') month: unknown, @Res() res: Response): Promise<void> {
    const first = monthStart(month);
    const weeks = monthGrid(first, []);
    const from = new Date(`${weeks[0][0].date}T00:00:00Z`);
    const sessions = await this.api.get<Page<MySession>>(user, 'mediation-scheduling', '/api/me/sessions', {
      query: { from: from.toISOString(), to: addDays(from, weeks.length * 7).toISOString() },
    });
    res.render('pages/mediator/month.njk', {
      title: 'My sessions',
      month: isoDay(first),
      weeks: monthGrid(first, sessions.items),
      previous: isoMonth(addMonths(first, -1)),
      next: isoMonth(addMonths(first, 1)),
      thisWeek: isoDay(first),
    });
  }

  @Get('calendar-feed')
  async feed(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    const status = await this.api.get<{ active: boolean; createdAt: string | null }>(
      user,
      'mediation-scheduling',
      '/api/me/calendar-feed',
    );
    res.render('pages/mediator/calendar-feed.njk', { title: 'Calendar feed', status });
  }

  /** Makes or replaces the feed; its address is shown once, now (the service keeps only a hash). */
  @Post('calendar-feed')
  async createFeed(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    const made = await this.api.post<{ path: string; createdAt: string }>(
      user,
      'mediation-scheduling',
      '/api/me/calendar-feed',
    );
    const url = new URL(made.path, this.config.MEDIATION_SCHEDULING_URL).toString();
    res.render('pages/mediator/calendar-feed.njk', {
      title: 'Calendar feed',
      status: { active: true, createdAt: made.createdAt },
      url,
      flash: { heading: 'Calendar feed ready', text: 'Copy the address now: it is shown only this once.' },
    });
  }

  @Post('calendar-feed/revoke')
  async revokeFeed(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    await this.api.delete(user, 'mediation-scheduling', '/api/me/calendar-feed');
    res.render('pages/mediator/calendar-feed.njk', {
      title: 'Calendar feed',
      status: { active: false, createdAt: null },
      flash: { heading: 'Calendar feed turned off', text: 'Its address no longer works.' },
    });
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@rj/shared/auth';
import { InvalidInput, NotFound } from '@rj/shared/contracts';
import { In } from 'typeorm';
import {
  CalendarFeedEntity,
  MediatorEntity,
  ReferralSnapshotEntity,
  ReminderDeliveryEntity,
  SessionEntity,
} from '@rj/scheduling/data-access';
import { feedEventOf } from '@rj/scheduling/domain';
import { Clock } from '@rj/shared/service';
import { sessionView } from '../sessions/session-view';
import { renderCalendar } from './ics';

const DAY_MS = 86_400_000;
const MAX_WINDOW_MS = 92 * DAY_MS;
// The feed shows a little of the past (what was held) and the coming months.
const FEED_PAST_MS = 31 * DAY_MS;
const FEED_FUTURE_MS = 366 * DAY_MS;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class CalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * The signed-in mediator's sessions in a window, with each participant's language and needs
   * (no names): what their week looks like.
   */
  async mySessions(principal: Principal, query: { from?: string; to?: string }) {
    const from = query.from ? new Date(query.from) : this.clock.now();
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 7 * DAY_MS);
    if (!(to.getTime() > from.getTime()) || to.getTime() - from.getTime() > MAX_WINDOW_MS) {
      throw new InvalidInput('invalid window', [{ field: 'to', message: 'must be after from, at most 92 days later' }]);
    }
    const sessions = await this.sessionsOf(principal.sub, principal.org, from, to);
    const snapshots = await this.dataSource
      .getRepository(ReferralSnapshotEntity)
      .findBy(sessions.map((s) => ({ referralId: s.referralId })));
    // A reminder that went out through no channel (none safe, or erased): the mediator phones instead.
    const undelivered = sessions.length
      ? await this.dataSource
          .getRepository(ReminderDeliveryEntity)
          .findBy({ sessionId: In(sessions.map((s) => s.id)), delivered: false })
      : [];
    return {
      items: sessions.map((session) => {
        const participants =
          snapshots.find((snapshot) => snapshot.referralId === session.referralId)?.participants ?? [];
        return {
          ...sessionView(session),
          needs: session.participantIds.map((id) => {
            const p = participants.find((candidate) => candidate.participantId === id);
            return {
              participantId: id,
              role: p?.role ?? null,
              preferredLanguage: p?.preferredLanguage ?? null,
              interpreter: p?.interpreter ?? null,
              hasAccessibilityNeeds: p?.hasAccessibilityNeeds ?? null,
            };
          }),
          remindersNotDelivered: [
            ...new Set(undelivered.filter((r) => r.sessionId === session.id).map((r) => r.participantId)),
          ],
        };
      }),
      nextCursor: null,
    };
  }

  /** Makes the mediator's feed URL, or replaces it: the old URL stops working at once. */
  async createOrRotate(principal: Principal) {
    const mediator = await this.dataSource.getRepository(MediatorEntity).findOneBy({ sub: principal.sub });
    if (!mediator || mediator.partnerId !== principal.org) throw new NotFound('mediator not found');
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.dataSource
      .getRepository(CalendarFeedEntity)
      .upsert({ mediatorSub: principal.sub, partnerId: mediator.partnerId, tokenHash: hashOf(token), createdAt: now }, [
        'mediatorSub',
      ]);
    return { path: `/calendar/${token}.ics`, createdAt: now.toISOString() };
  }

  /** Whether the mediator has a feed (never its URL: only its hash is kept). */
  async status(principal: Principal) {
    const feed = await this.dataSource.getRepository(CalendarFeedEntity).findOneBy({ mediatorSub: principal.sub });
    return {
      active: feed !== null && feed.partnerId === principal.org,
      createdAt: feed?.createdAt.toISOString() ?? null,
    };
  }

  async revoke(principal: Principal): Promise<void> {
    await this.dataSource.getRepository(CalendarFeedEntity).delete({ mediatorSub: principal.sub });
  }

  /** The public feed: an unknown, rotated or revoked secret is 404, like any page that is not there. */
  async feed(token: string): Promise<string> {
    if (!TOKEN.test(token)) throw new NotFound('feed not found');
    const feed = await this.dataSource.getRepository(CalendarFeedEntity).findOneBy({ tokenHash: hashOf(token) });
    if (!feed) throw new NotFound('feed not found');
    const now = this.clock.now();
    const sessions = await this.sessionsOf(
      feed.mediatorSub,
      feed.partnerId,
      new Date(now.getTime() - FEED_PAST_MS),
      new Date(now.getTime() + FEED_FUTURE_MS),
    );
    const events = sessions.map((s) =>
      feedEventOf({
        id: s.id,
        caseId: s.caseId,
        kind: s.kind,
        status: s.status,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        venueType: s.venueType ?? null,
        location: s.location,
      }),
    );
    return renderCalendar(events, now);
  }

  /** Sessions the mediator leads on cases of their partner; a session on a case they left is not theirs. */
  private sessionsOf(sub: string, org: string | null, from: Date, to: Date): Promise<SessionEntity[]> {
    if (org === null) return Promise.resolve([]);
    return this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .innerJoin('mediation_case', 'c', 'c.id = s.case_id and c.partner_id = :org', { org })
      .innerJoin(
        'case_mediator',
        'cm',
        `cm.case_id = s.case_id and cm.mediator_id = :sub and cm.status <> 'conflicted'`,
        { sub },
      )
      .where('s.mediator_ids @> :me::jsonb', { me: JSON.stringify([sub]) })
      .andWhere('s.starts_at < :to and s.ends_at > :from', { from, to })
      .orderBy('s.startsAt', 'ASC')
      .limit(500)
      .getMany();
  }
}

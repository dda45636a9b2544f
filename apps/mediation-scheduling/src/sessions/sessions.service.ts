import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOf, type Principal } from '@rj/shared/auth';
import {
  NotFound,
  RuleViolation,
  SessionCompleted,
  SessionRescheduled,
  SessionScheduled,
  uuidv7,
} from '@rj/shared/contracts';
import { afterCommit, withRetriedTransaction } from '@rj/shared/persistence';
import { Clock, requestCause, SERVICE_CONFIG } from '@rj/shared/service';
import {
  bookSession,
  isDoubleBooking,
  mediatorKey,
  moveBookings,
  participantKey,
  ReferralSnapshotEntity,
  SessionEntity,
  type MediationCaseEntity,
} from '@rj/scheduling/data-access';
import {
  assertCompletionAllowed,
  assertSessionAllowed,
  assertSessionChangeable,
  sessionNeedsInterpreter,
  type SessionState,
} from '@rj/scheduling/domain';
import { assertMayView, assertMediatorActs } from '../cases/case-access';
import { assertUuid, findCase, lockCase, recordCaseEvent, saveCase } from '../cases/case-store';
import type { MediationSchedulingEnv } from '../mediation-scheduling.env';
import { SchedulingJobs } from '../reminders/scheduling-jobs';
import { cancelSessions } from './session-cancellation';
import type { CompleteSessionDto, RescheduleSessionDto, ScheduleSessionDto } from './session.dto';
import { sessionView } from './session-view';

const HOUR_MS = 3_600_000;

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: SchedulingJobs,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: MediationSchedulingEnv,
  ) {}

  /** Books a session (or records one held within the back-dating window) under every rule of the case. */
  async schedule(principal: Principal, caseId: string, body: ScheduleSessionDto) {
    const now = this.clock.now();
    const request = { ...body, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) };
    // Two bookings of one person at once may end in a deadlock rather than the exclusion
    // constraint's refusal; run again, the loser meets the constraint and answers 409.
    const session = await withRetriedTransaction(this.dataSource, async (manager) => {
      const row = await lockCase(manager, caseId);
      assertMediatorActs(row, principal);
      const { recordedLate } = assertSessionAllowed(
        row.state,
        request,
        now,
        this.config.SESSION_BACKDATE_WINDOW_HOURS * HOUR_MS,
      );
      const snapshot = await manager.findOne(ReferralSnapshotEntity, { where: { referralId: row.referralId } });
      const interpreterNeeded = sessionNeedsInterpreter(snapshot?.participants ?? [], body.participantIds);
      const created: SessionEntity = {
        id: uuidv7(now.getTime()),
        caseId,
        referralId: row.referralId,
        kind: body.kind,
        status: 'scheduled',
        startsAt: request.startsAt,
        endsAt: request.endsAt,
        location: body.location ?? null,
        venueType: body.venueType ?? null,
        participantIds: body.participantIds,
        mediatorIds: body.mediatorIds,
        attendance: null,
        cancelReasonCode: null,
        interpreterNeeded,
        recordedLate,
        createdBy: principal.sub,
        createdAt: now,
        changedBy: null,
        changedAt: null,
      };
      await manager.insert(SessionEntity, created);
      await this.book(() =>
        bookSession(
          manager,
          created.id,
          [...body.mediatorIds.map(mediatorKey), ...body.participantIds.map(participantKey)],
          request.startsAt,
          request.endsAt,
        ),
      );
      const cause = requestCause(actorOf(principal));
      const { id: sessionId, kind, participantIds, mediatorIds } = created;
      await recordCaseEvent(
        manager,
        row,
        SessionScheduled,
        { sessionId, caseId, kind, startsAt: body.startsAt, endsAt: body.endsAt, participantIds, mediatorIds },
        cause,
        sessionId,
      );
      if (body.attendance) await this.complete(manager, row, created, body.attendance, principal, now, true);
      await saveCase(manager, row, now);
      if (created.status === 'scheduled') afterCommit(manager, () => this.jobs.planner.plan(created, now));
      return created;
    });
    return sessionView(session);
  }

  async reschedule(principal: Principal, sessionId: string, body: RescheduleSessionDto) {
    const now = this.clock.now();
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    const after = await this.change(principal, sessionId, async (manager, row, session, state) => {
      assertSessionChangeable(state, now);
      const { kind, participantIds, mediatorIds } = session;
      assertSessionAllowed(row.state, { kind, participantIds, mediatorIds, startsAt, endsAt }, now, 0);
      const before = { ...session };
      await this.book(() => moveBookings(manager, sessionId, startsAt, endsAt));
      Object.assign(session, {
        startsAt,
        endsAt,
        location: body.location ?? session.location,
        venueType: body.venueType ?? session.venueType,
        changedBy: principal.sub,
        changedAt: now,
      });
      await manager.update(
        SessionEntity,
        { id: sessionId },
        {
          startsAt,
          endsAt,
          location: session.location,
          venueType: session.venueType,
          changedBy: principal.sub,
          changedAt: now,
        },
      );
      await recordCaseEvent(
        manager,
        row,
        SessionRescheduled,
        { sessionId, caseId: row.id, startsAt: body.startsAt, endsAt: body.endsAt },
        requestCause(actorOf(principal)),
        sessionId,
      );
      afterCommit(manager, async () => {
        await this.jobs.planner.unplan(before);
        await this.jobs.planner.plan(session, now);
      });
      return session;
    });
    return sessionView(after);
  }

  async cancel(principal: Principal, sessionId: string) {
    const now = this.clock.now();
    const cancelled = await this.change(principal, sessionId, async (manager, row, session, state) => {
      assertSessionChangeable(state, now);
      const cancelled = await cancelSessions(
        manager,
        row,
        [state],
        'mediator_cancelled',
        requestCause(actorOf(principal)),
        now,
      );
      afterCommit(manager, () => this.jobs.planner.unplanAll(cancelled));
      return { ...session, status: 'cancelled' as const, cancelReasonCode: 'mediator_cancelled' as const };
    });
    return sessionView(cancelled);
  }

  async completeSession(principal: Principal, sessionId: string, body: CompleteSessionDto) {
    const now = this.clock.now();
    const session = await this.change(principal, sessionId, async (manager, row, session) => {
      await this.complete(manager, row, session, body.attendance, principal, now, false);
      return session;
    });
    return sessionView(session);
  }

  async list(principal: Principal, caseId: string) {
    const row = await findCase(this.dataSource.manager, caseId);
    if (assertMayView(row, principal) === 'proposed') assertMediatorActs(row, principal);
    const sessions = await this.dataSource
      .getRepository(SessionEntity)
      .find({ where: { caseId }, order: { startsAt: 'ASC' } });
    return { items: sessions.map(sessionView), nextCursor: null };
  }

  /** Locks the session's case, checks the mediator acts on it, runs `work`, saves the case. */
  private async change<T>(
    principal: Principal,
    sessionId: string,
    work: (manager: EntityManager, row: MediationCaseEntity, session: SessionEntity, state: SessionState) => Promise<T>,
  ): Promise<T> {
    assertUuid(sessionId, 'session');
    return withRetriedTransaction(this.dataSource, async (manager) => {
      const found = await manager.findOneBy(SessionEntity, { id: sessionId });
      if (!found) throw new NotFound('session not found');
      const row = await lockCase(manager, found.caseId);
      assertMediatorActs(row, principal);
      const session = (await manager.findOneBy(SessionEntity, { id: sessionId })) as SessionEntity;
      const state = row.state.sessions.find((s) => s.sessionId === sessionId);
      if (!state) throw new NotFound('session not found');
      const result = await work(manager, row, session, state);
      await saveCase(manager, row, this.clock.now());
      return result;
    });
  }

  private async complete(
    manager: EntityManager,
    row: MediationCaseEntity,
    session: SessionEntity,
    attendance: CompleteSessionDto['attendance'],
    principal: Principal,
    now: Date,
    recordedLate: boolean,
  ) {
    const startsAt = session.startsAt.toISOString();
    const checked = assertCompletionAllowed(
      row.state,
      { status: 'scheduled', startsAt, participantIds: session.participantIds },
      attendance,
      now,
    );
    if (session.status !== 'scheduled')
      throw new RuleViolation('session_not_scheduled', `the session is ${session.status}`);
    Object.assign(session, { status: 'completed', attendance: checked, changedBy: principal.sub, changedAt: now });
    await manager.update(
      SessionEntity,
      { id: session.id },
      { status: 'completed', attendance: checked, changedBy: principal.sub, changedAt: now },
    );
    await recordCaseEvent(
      manager,
      row,
      SessionCompleted,
      {
        sessionId: session.id,
        caseId: row.id,
        kind: session.kind,
        attendance: checked,
        heldAt: startsAt,
        recordedLate,
      },
      requestCause(actorOf(principal)),
      session.id,
    );
  }

  /** The database refuses the overlap (23P01); the caller hears 409 `double_booking`. */
  private async book(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (isDoubleBooking(error))
        throw new RuleViolation(
          'double_booking',
          'a mediator or participant of the session is already booked at that time',
        );
      throw error;
    }
  }
}

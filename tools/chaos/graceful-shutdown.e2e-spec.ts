import { randomUUID } from 'node:crypto';
import { createTestTopics, eventually, type TestTopics } from '@rj/shared/testing';
import { SERVICE_NAMES, startPlatform, type RunningPlatform, type ServiceName } from '../e2e/platform';
import { driveCase, GENERAL_CATEGORIES, type CaseRecord, type World } from './case-flows';
import { burstAcrossSignal, shoot, type Shot } from './request-burst';
import { resilient } from './resilient-client';

/**
 * SIGTERM to each service while requests pour in: what it accepted before the signal is
 * answered (no reset, no 5xx), what comes after is refused at the door, its workers and
 * consumers finish or hand back, it exits 0 within 30 s — and everything it answered 2xx is in
 * its database, with its event in the audit ledger once it runs again.
 */
describe('graceful shutdown under load', () => {
  let topics: TestTopics;
  let platform: RunningPlatform;
  let world: World;
  let term: { agreementId: string; termId: string; mediator: string };

  const ok = (s: Shot) => s.status !== undefined && s.status >= 200 && s.status < 300;
  const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    topics = await createTestTopics();
    platform = await startPlatform({ topicPrefix: topics.prefix });
    const http = resilient(platform, { retries: 0, pollFailures: 0 });
    const admin = platform.token('admin');
    const office = await http.call('referral-intake', 'POST', '/api/offices', {
      token: admin,
      body: { name: 'Graceful Office', jurisdictions: ['NL-NH'], contact: { email: 'office@graceful.example' } },
    });
    await http.call('partner-matching', 'POST', '/api/partners', {
      token: admin,
      body: {
        name: 'Graceful Partner',
        jurisdictions: ['NL-NH'],
        offenseCategories: GENERAL_CATEGORIES,
        languages: ['nl'],
        servesMinors: true,
        capacity: 100,
        responseHours: 24,
        specialties: [],
      },
    });
    world = {
      platform,
      http,
      officeId: office.body.id,
      prosecutor: platform.token('prosecutor', office.body.id),
      admin,
    };
    // outcome-tracking's load is progress on a term: a case driven to its agreement first.
    const record: CaseRecord = {
      index: 0,
      plan: 'completed',
      declineFirst: false,
      sessions: {},
      stopBeforeAgreement: true,
    };
    await driveCase(world, record);
    const mediator = platform.token('mediator', record.partnerId as string, 'mediator-0');
    const kase = await http.call('mediation-scheduling', 'GET', `/api/cases/${record.caseId}`, { token: mediator });
    const agreed = await http.call('outcome-tracking', 'POST', `/api/cases/${record.caseId}/agreement`, {
      token: mediator,
      body: {
        terms: [{ kind: 'community_service', dueBy: dateIn(60), hours: 100_000 }],
        consentedBy: kase.body.participants.map((p: { id: string }) => p.id),
      },
    });
    term = { agreementId: agreed.body.agreement.id, termId: agreed.body.agreement.terms[0].id, mediator };
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
    await topics?.delete();
  });

  /** What each service is asked to do under load, and how its answers are found again. */
  const load: Record<
    ServiceName,
    { fire: (n: number) => Promise<Shot>; stored: (answered: Shot[]) => Promise<number> }
  > = {
    'referral-intake': {
      fire: (n) => shoot(platform.urls['referral-intake'], 'POST', '/api/referrals', world.prosecutor, referralBody(n)),
      stored: async (answered) =>
        count('referral-intake', 'select count(*) as n from referral where id = any($1::uuid[])', [
          answered.map((s) => s.body.id),
        ]),
    },
    'partner-matching': {
      fire: (n) =>
        shoot(platform.urls['partner-matching'], 'POST', '/api/partners', world.admin, {
          name: `Burst ${n}`,
          jurisdictions: ['BE-VAN'],
          offenseCategories: ['theft'],
          languages: ['nl'],
          servesMinors: false,
          capacity: 1,
          responseHours: 24,
          specialties: [],
        }),
      stored: async (answered) =>
        count('partner-matching', 'select count(*) as n from partner where id = any($1::uuid[])', [
          answered.map((s) => s.body.id),
        ]),
    },
    'mediation-scheduling': {
      fire: () => {
        const sub = `burst-${randomUUID()}`;
        return shoot(
          platform.urls['mediation-scheduling'],
          'POST',
          '/api/mediators',
          platform.token('partner_admin', randomUUID()),
          { sub, fullName: 'Burst Mediator', contact: { email: `${sub}@partner.example` }, specialties: [] },
        );
      },
      stored: async (answered) =>
        count('mediation-scheduling', 'select count(*) as n from mediator where sub = any($1::text[])', [
          answered.map((s) => s.body.sub),
        ]),
    },
    'outcome-tracking': {
      fire: () =>
        shoot(
          platform.urls['outcome-tracking'],
          'POST',
          `/api/agreements/${term.agreementId}/terms/${term.termId}/progress`,
          term.mediator,
          { hours: 1 },
        ),
      stored: async () =>
        count('outcome-tracking', 'select count(*) as n from term_progress where term_id = $1', [term.termId]),
    },
    'audit-ledger': {
      // Read-only: its work is the consumer, kept busy by referrals submitted during the burst.
      fire: (n) => {
        if (n % 4 === 0)
          void shoot(platform.urls['referral-intake'], 'POST', '/api/referrals', world.prosecutor, referralBody(n));
        return shoot(platform.urls['audit-ledger'], 'GET', '/api/audit/events?limit=100', platform.token('auditor'));
      },
      // Its answers are reads; what it must not lose is checked by expectLedgerComplete below.
      stored: async (answered) => answered.length,
    },
  };

  it.each(SERVICE_NAMES)(
    '%s: finishes in-flight requests, refuses new ones, exits 0 within 30 s, loses nothing',
    async (service) => {
      const before = service === 'outcome-tracking' ? await load[service].stored([]) : 0;
      const child = platform.processes[service];
      let exitMs = Infinity;
      const { shots, late, signalAt } = await burstAcrossSignal(load[service].fire, {
        concurrency: 16,
        loadMs: 2000,
        port: Number(new URL(platform.urls[service]).port),
        late: 5,
        lateAfterMs: 300,
        signal: () => {
          const t0 = Date.now();
          child.kill('SIGTERM');
          void child.exited.then(() => (exitMs = Date.now() - t0));
        },
      });
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        child.exited,
        new Promise((resolve) => (timer = setTimeout(() => resolve('still running after 30 s'), 30_000))),
      ]);
      clearTimeout(timer);
      expect(code).toBe(0);
      expect(exitMs).toBeLessThan(30_000);

      const answered = shots.filter(ok);
      // Every request either answered 2xx or refused at the door: no reset, no 5xx, no half answer.
      const rel = (t?: number) => (t === undefined ? '-' : `${t - signalAt}ms`);
      expect(
        shots
          .filter((s) => !ok(s) && s.error !== 'ECONNREFUSED')
          .map(
            (s) =>
              `${s.error ?? s.status} connected ${rel(s.connectedAt)} sent ${rel(s.sentAt)} ended ${rel(s.endedAt)}`,
          ),
      ).toEqual([]);
      // Requests in flight at the signal were answered; requests made after it were refused.
      expect(answered.filter((s) => s.endedAt > signalAt).length).toBeGreaterThan(0);
      expect(late.map((s) => s.error)).toEqual(late.map(() => 'ECONNREFUSED'));

      await platform.start(service);
      // What was answered 2xx is stored…
      expect((await load[service].stored(answered)) - before).toBe(answered.length);
      // …and every event any service wrote reaches the ledger exactly once, nothing left unsent or parked.
      await expectLedgerComplete();
    },
  );

  async function count(service: ServiceName, sql: string, params: unknown[]): Promise<number> {
    return Number((await platform.databases[service].dataSource.query(sql, params))[0].n);
  }

  async function expectLedgerComplete(timeoutMs = 60_000): Promise<void> {
    let state = {};
    const complete = async (): Promise<boolean> => {
      const emitted = new Set<string>();
      let unsent = 0;
      let pending = 0;
      for (const name of SERVICE_NAMES) {
        const db = platform.databases[name].dataSource;
        for (const r of await db.query('select event_id, sent_at from outbox')) {
          emitted.add(r.event_id);
          if (!r.sent_at) unsent++;
        }
        pending += Number((await db.query('select count(*) as n from pending_event'))[0].n);
      }
      const ledger = (
        await platform.databases['audit-ledger'].dataSource.query('select event_id from ledger_entry')
      ).map((r: { event_id: string }) => r.event_id);
      const inLedger = new Set(ledger);
      const missing = [...emitted].filter((id) => !inLedger.has(id)).length;
      state = { emitted: emitted.size, ledgerRows: ledger.length, distinct: inLedger.size, missing, unsent, pending };
      return (
        missing === 0 &&
        unsent === 0 &&
        pending === 0 &&
        ledger.length === inLedger.size &&
        inLedger.size === emitted.size
      );
    };
    // Waits for the state it asserts; `eventually` polls and fails with the last state seen.
    await eventually(async () => (await complete()) || undefined, timeoutMs, 'the ledger to become complete').catch(
      (error: Error) => {
        throw new Error(`${error.message}; last counts: ${JSON.stringify(state)}`);
      },
    );
  }

  function referralBody(n: number) {
    const party = (role: string) => ({
      role,
      fullName: `${role} ${n}`,
      minor: false,
      contact: { email: `${role}.${n}@graceful.example`, safeChannels: ['email'] },
      preferredLanguage: 'nl',
      interpreter: false,
    });
    return {
      source: 'prosecutor',
      caseNumber: `GRACE-${n}-${randomUUID().slice(0, 6)}`,
      jurisdiction: 'NL-NH',
      offense: { code: 'SR-350', category: 'theft', severity: 'misdemeanor' },
      incidentDate: '2025-01-15',
      stage: 'pre_trial',
      protectiveOrder: false,
      reportBackBy: '2099-09-30',
      parties: [party('harmed'), party('responsible')],
    };
  }
});

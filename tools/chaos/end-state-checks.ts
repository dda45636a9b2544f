/**
 * What must hold once the platform settles after the faults: each a row of (check, expected,
 * actual, ok), so the printed table says what was proven and what was not.
 */
import { SERVICE_NAMES, type RunningPlatform } from '../e2e/platform';
import { EXPECTED_STATUS, PLANS, type CaseRecord } from './case-flows';
import type { PrivateInfra } from './private-infra';

export interface CheckRow {
  check: string;
  expected: string | number;
  actual: string | number;
  ok: boolean;
}

const row = (check: string, expected: string | number, actual: string | number): CheckRow => ({
  check,
  expected,
  actual,
  ok: String(expected) === String(actual),
});

type Db = RunningPlatform['databases'][keyof RunningPlatform['databases']];
const count = async (db: Db, sql: string, params: unknown[] = []) =>
  Number((await db.dataSource.query(sql, params))[0]?.n ?? 0);

/** Cheap progress figures the settle loop waits on (database reads only: API reads emit access events). */
export async function quiescence(platform: RunningPlatform, records: CaseRecord[]) {
  const { databases } = platform;
  const statuses: { id: string; status: string }[] = await databases['referral-intake'].dataSource.query(
    'select id, status from referral',
  );
  const statusOf = new Map(statuses.map((r) => [r.id, r.status]));
  const wrongStatus = records.filter(
    (r) => r.referralId && statusOf.get(r.referralId) !== EXPECTED_STATUS[r.plan],
  ).length;
  let unsent = 0;
  let pending = 0;
  let outboxIds = 0;
  for (const service of SERVICE_NAMES) {
    unsent += await count(databases[service], 'select count(*) as n from outbox where sent_at is null');
    pending += await count(databases[service], 'select count(*) as n from pending_event');
    outboxIds += await count(databases[service], 'select count(*) as n from outbox');
  }
  const ledgerRows = await count(databases['audit-ledger'], 'select count(*) as n from ledger_entry');
  return {
    wrongStatus,
    unsent,
    pending,
    outboxIds,
    ledgerRows,
    settled: wrongStatus === 0 && unsent === 0 && pending === 0 && outboxIds === ledgerRows,
  };
}

export async function endStateChecks(
  platform: RunningPlatform,
  infra: PrivateInfra,
  records: CaseRecord[],
  faultsDone: number,
  faultsPlanned: number,
): Promise<CheckRow[]> {
  const { databases } = platform;
  const rows: CheckRow[] = [];
  const intake = databases['referral-intake'];
  const matching = databases['partner-matching'];
  const scheduling = databases['mediation-scheduling'];
  const outcome = databases['outcome-tracking'];
  const audit = databases['audit-ledger'];

  rows.push(row('faults injected (SIGKILL + restart)', faultsPlanned, faultsDone));
  rows.push(
    row(
      'cases driven through the APIs without error',
      records.length,
      records.filter((r) => !r.error && r.referralId).length,
    ),
  );

  // Every case in its expected final state, read through the prosecutor's API.
  const prosecutorStatus = new Map<string, string>();
  const statuses: { id: string; status: string }[] = await intake.dataSource.query('select id, status from referral');
  for (const s of statuses) prosecutorStatus.set(s.id, s.status);
  for (const plan of PLANS) {
    const ofPlan = records.filter((r) => r.plan === plan);
    if (!ofPlan.length) continue;
    rows.push(
      row(
        `referrals ${plan} → status ${EXPECTED_STATUS[plan]}`,
        ofPlan.length,
        ofPlan.filter((r) => r.referralId && prosecutorStatus.get(r.referralId) === EXPECTED_STATUS[plan]).length,
      ),
    );
  }

  // The ledger: every event any service emitted, exactly once, and a chain that verifies.
  const ledger = (
    await audit.dataSource.query('select count(*) as rows, count(distinct event_id) as ids from ledger_entry')
  )[0];
  rows.push(row('ledger rows = distinct event ids', Number(ledger.ids), Number(ledger.rows)));
  const emitted = new Set<string>();
  for (const service of SERVICE_NAMES) {
    for (const r of await databases[service].dataSource.query('select event_id from outbox')) emitted.add(r.event_id);
  }
  const inLedger = new Set<string>(
    (await audit.dataSource.query('select event_id from ledger_entry')).map((r: { event_id: string }) => r.event_id),
  );
  const missing = [...emitted].filter((id) => !inLedger.has(id));
  rows.push(row('events emitted (outboxes) missing from the ledger', 0, missing.length));
  if (missing.length) {
    for (const service of SERVICE_NAMES) {
      const lost = await databases[service].dataSource.query(
        `select event_type, topic, count(*)::int as n, min(created_at) as first, max(sent_at) as last_sent from outbox where event_id = any($1::uuid[]) group by 1, 2`,
        [missing],
      );
      for (const l of lost)
        rows.push(
          row(
            `  missing: ${service} ${l.topic} ${l.event_type} (created ${new Date(l.first).toISOString()}, sent by ${l.last_sent ? new Date(l.last_sent).toISOString() : '-'})`,
            0,
            l.n,
          ),
        );
    }
  }
  rows.push(row('ledger events no outbox emitted', 0, [...inLedger].filter((id) => !emitted.has(id)).length));
  const verify = await platform
    .request('audit-ledger', 'GET', '/api/audit/verify', { token: platform.token('auditor') })
    .catch((error) => ({ status: 0, body: { ok: `unreachable: ${error.cause ?? error}` } as any }));
  rows.push(row('GET /api/audit/verify ok', 'true', `${verify.body?.ok}`));
  rows.push(
    row(
      'verify checked every ledger row',
      Number(ledger.rows),
      Number(verify.body?.checked ?? -1) >= Number(ledger.rows)
        ? Number(ledger.rows)
        : Number(verify.body?.checked ?? -1),
    ),
  );

  // Partner loads: what the API says, what the assignments say, what the driver left open.
  const partners: { id: string; open_cases: number; active_assignments: string }[] = await matching.dataSource.query(
    `select p.id, p.open_cases, (select count(*) from partner_assignment a where a.partner_id = p.id and a.active) as active_assignments from partner p`,
  );
  let loadMismatches = 0;
  for (const partner of partners) {
    const apiView = await platform
      .request('partner-matching', 'GET', `/api/partners/${partner.id}`, { token: platform.token('admin') })
      .catch(() => ({ body: null as any }));
    const leftOpen = records.filter((r) => r.plan === 'in_progress' && r.partnerId === partner.id).length;
    if (apiView.body?.openCases !== leftOpen || Number(partner.active_assignments) !== leftOpen) loadMismatches++;
  }
  rows.push(row('partners whose load ≠ their open cases', 0, loadMismatches));

  // Nothing twice.
  rows.push(
    row(
      'offers made twice to a partner for a referral',
      0,
      await count(
        matching,
        'select count(*) as n from (select 1 from offer group by referral_id, partner_id having count(*) > 1) d',
      ),
    ),
  );
  rows.push(
    row(
      'referrals with more than one accepted offer',
      0,
      await count(
        matching,
        `select count(*) as n from (select 1 from offer where status = 'accepted' group by referral_id having count(*) > 1) d`,
      ),
    ),
  );
  rows.push(
    row('offers still pending', 0, await count(matching, `select count(*) as n from offer where status = 'pending'`)),
  );
  rows.push(
    row(
      'cases opened twice for a referral',
      0,
      await count(
        scheduling,
        'select count(*) as n from (select 1 from mediation_case group by referral_id having count(*) > 1) d',
      ),
    ),
  );
  rows.push(
    row(
      'sessions twice (case, kind, start)',
      0,
      await count(
        scheduling,
        'select count(*) as n from (select 1 from session group by case_id, kind, starts_at having count(*) > 1) d',
      ),
    ),
  );
  const sessionIds = records.flatMap((r) => Object.entries(r.sessions));
  const sessionStatus = new Map<string, string>(
    (
      await scheduling.dataSource.query('select id, status from session where id = any($1::uuid[])', [
        sessionIds.map(([id]) => id),
      ])
    ).map((s: { id: string; status: string }) => [s.id, s.status]),
  );
  rows.push(
    row(
      'sessions in their expected status',
      sessionIds.length,
      sessionIds.filter(([id, status]) => sessionStatus.get(id) === status).length,
    ),
  );
  rows.push(
    row(
      'reminders sent twice (session, participant, offset)',
      0,
      await count(
        audit,
        `select count(*) as n from (select 1 from ledger_entry where event_type = 'reminder.sent'
    group by canonical::jsonb->'data'->>'sessionId', canonical::jsonb->'data'->>'participantId', canonical::jsonb->'data'->>'offsetMinutes' having count(*) > 1) d`,
      ),
    ),
  );
  const reminders = await count(audit, `select count(*) as n from ledger_entry where event_type = 'reminder.sent'`);
  // Not vacuous: reminders fire during the run (offsets of minutes), some across the Redis restart.
  rows.push({
    check: 'reminders sent at all',
    expected: '> 0',
    actual: reminders,
    ok: reminders > 0 || !records.some((r) => r.plan === 'in_progress'),
  });
  rows.push(
    row(
      'agreements twice for a case',
      0,
      await count(
        outcome,
        'select count(*) as n from (select 1 from agreement group by case_id having count(*) > 1) d',
      ),
    ),
  );
  const completed = records.filter((r) => r.plan === 'completed').length;
  rows.push(row('terms (one per completed case)', completed, await count(outcome, 'select count(*) as n from term')));

  // Nothing stuck.
  for (const service of SERVICE_NAMES) {
    rows.push(
      row(
        `${service}: pending_event empty`,
        0,
        await count(databases[service], 'select count(*) as n from pending_event'),
      ),
    );
    rows.push(
      row(
        `${service}: outbox all sent`,
        0,
        await count(databases[service], 'select count(*) as n from outbox where sent_at is null'),
      ),
    );
  }
  const dlq = await infra.dlqMessages();
  rows.push(
    row(
      'messages in .dlq topics',
      0,
      Object.values(dlq).reduce((a, b) => a + b, 0),
    ),
  );
  return rows;
}

export function formatTable(rows: CheckRow[]): string {
  const head = ['check', 'expected', 'actual', 'ok'];
  const cells = rows.map((r) => [r.check, String(r.expected), String(r.actual), r.ok ? 'ok' : 'FAIL']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i])).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}

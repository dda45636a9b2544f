import type { DataSource } from 'typeorm';
import { PartyEntity, ReferralEntity, ReferralStatusChangeEntity, DataKeyEntity } from '@rj/referral/data-access';
import { FROZEN_INSERT_SQL, frozenInsertParameters } from './frozen-submission-sql';

/**
 * The pgbench side of the comparison: the statements one submission ran when issue 15 froze
 * them as the ceiling — the one-statement insert (data key, referral, parties, status changes,
 * frozen-submission-sql.ts), the outbox insert of its two events and the NOTIFY that wakes the
 * relay — in one transaction, with the values of a referral the service really stored (same
 * sizes, same ciphertexts). Only the ids are fresh per
 * transaction, from pgbench's random variables, so primary keys never collide.
 */
export async function pgbenchScript(dataSource: DataSource, referralId: string): Promise<string> {
  const manager = dataSource.manager;
  const referral = await manager.findOneByOrFail(ReferralEntity, { id: referralId });
  const key = await manager.findOneByOrFail(DataKeyEntity, { keyId: referral.dataKeyId });
  const parties = await manager.find(PartyEntity, { where: { referralId }, order: { position: 'ASC' } });
  const history = await manager.find(ReferralStatusChangeEntity, { where: { referralId }, order: { id: 'ASC' } });
  const outbox: {
    event_id: string;
    topic: string;
    message_key: string;
    event_type: string;
    payload: string;
    headers: string;
  }[] = await manager.query(
    `select event_id, topic, message_key, event_type, payload::text as payload, headers::text as headers from outbox where message_key = $1 order by seq`,
    [referralId],
  );

  const placeholders = new Map<string, string>([
    [referralId, uuidOf('rid')],
    [key.keyId, uuidOf('kid')],
    ...parties.map((party, i): [string, string] => [party.participantId, uuidOf(`p${i}`)]),
    ...outbox.map((row, i): [string, string] => [row.event_id, uuidOf(`e${i}`)]),
  ]);
  const parameters = frozenInsertParameters({
    dataKey: { keyId: key.keyId, masterKeyId: key.masterKeyId, wrapped: key.wrapped as string },
    referral: {
      id: referral.id,
      officeId: referral.officeId,
      status: referral.status,
      source: referral.source,
      caseNumber: referral.caseNumber as string,
      jurisdiction: referral.jurisdiction,
      offenseCode: referral.offenseCode,
      offenseCategory: referral.offenseCategory,
      offenseSeverity: referral.offenseSeverity,
      offenseDescription: referral.offenseDescription,
      incidentDate: referral.incidentDate,
      stage: referral.stage,
      protectiveOrder: referral.protectiveOrder,
      reportBackBy: referral.reportBackBy,
      notes: referral.notes,
      screeningOutcome: referral.screeningOutcome,
      screeningReasons: referral.screeningReasons,
      screeningPolicyVersion: referral.screeningPolicyVersion,
      screeningDefaultPolicy: referral.screeningDefaultPolicy,
      submittedBy: referral.submittedBy,
      createdAt: referral.createdAt.toISOString(),
    },
    parties: parties.map((p) => ({
      participant_id: p.participantId,
      position: p.position,
      role: p.role,
      minor: p.minor,
      preferred_language: p.preferredLanguage,
      interpreter: p.interpreter,
      full_name: p.fullName as string,
      date_of_birth: p.dateOfBirth,
      accessibility_needs: p.accessibilityNeeds,
      contact: p.contact,
      guardian: p.guardian,
      counsel: p.counsel,
    })),
    history: history.map((h) => ({
      status: h.status,
      at: h.at.toISOString(),
      cause: h.cause,
      event_id: h.eventId as string,
    })),
  });
  const insert = FROZEN_INSERT_SQL.replace(/\$(\d+)/g, (_match, n: string) =>
    literal(parameters[Number(n) - 1], placeholders),
  );
  const outboxInsert = `insert into outbox (event_id, topic, message_key, event_type, payload, headers) values ${outbox
    .map(
      (row) =>
        `(${[row.event_id, row.topic, row.message_key, row.event_type].map((v) => literal(v, placeholders)).join(', ')}, ${literal(row.payload, placeholders)}::jsonb, ${literal(row.headers, placeholders)}::jsonb)`,
    )
    .join(', ')}`;
  return [
    ...['rid', 'kid', ...parties.map((_p, i) => `p${i}`), ...outbox.map((_r, i) => `e${i}`)].map(
      (name) => `\\set ${name} random(1, 281474976710655)`,
    ),
    'BEGIN;',
    `${oneLine(insert)};`,
    `${oneLine(outboxInsert)};`,
    `select pg_notify('rj_outbox', '');`,
    'COMMIT;',
    '',
  ].join('\n');
}

/** A fresh UUID per transaction from a pgbench variable (48 random bits). */
function uuidOf(variable: string): string {
  return `('00000000-0000-7000-8000-' || lpad(to_hex(:${variable}), 12, '0'))`;
}

/** A SQL literal of a parameter, with every known id inside it swapped for its per-transaction UUID. */
function literal(value: unknown, placeholders: Map<string, string>): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  let sql = `'${String(value).replace(/'/g, "''")}'`;
  for (const [id, expression] of placeholders) {
    if (sql === `'${id}'`) return `${expression}::uuid`;
    if (sql.includes(id)) sql = `replace(${sql}, '${id}', ${expression})`;
  }
  return sql;
}

function oneLine(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

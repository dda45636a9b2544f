import type { DataSource } from 'typeorm';
import { canonicalJson, chainHash, GENESIS_HASH } from '@rj/audit/domain';
import { findEventDefinition, uuidv7 } from '@rj/shared/contracts';
import { SAMPLE_EVENTS, SAMPLE_IDS } from '@rj/shared/contracts/testing';

/**
 * FOR THE BENCHMARK: an empty ledger filled with one referral's `count` events (the contract
 * samples that belong to a referral, re-keyed and repeated, a second apart), chained like the
 * consumer would chain them: the longest timeline an auditor could page through.
 */
export async function loadLongTimeline(dataSource: DataSource, count: number): Promise<string> {
  const referralId = uuidv7();
  const templates = Object.values(SAMPLE_EVENTS)
    .filter((event) => event.referralId === SAMPLE_IDS.referralId)
    .map((event) => ({
      event,
      topic: findEventDefinition(event.type, event.version)?.topic ?? 'unknown',
      json: JSON.stringify(event).replaceAll(SAMPLE_IDS.referralId, referralId),
    }));
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  let prevHash = GENESIS_HASH;
  for (let from = 0; from < count; from += 5000) {
    const rows: unknown[][] = [[], [], [], [], [], [], [], [], [], [], []];
    for (let i = from; i < Math.min(count, from + 5000); i++) {
      const template = templates[i % templates.length];
      const eventId = uuidv7();
      const occurredAt = new Date(start + i * 1000).toISOString();
      const canonical = canonicalJson({ ...JSON.parse(template.json), id: eventId, occurredAt });
      const hash = chainHash(prevHash, canonical);
      const aggregateId =
        template.event.aggregateId === SAMPLE_IDS.referralId ? referralId : template.event.aggregateId;
      [
        i + 1,
        eventId,
        template.topic,
        template.event.type,
        template.event.aggregateType,
        aggregateId,
        referralId,
        occurredAt,
        canonical,
        prevHash,
        hash,
      ].forEach((value, column) => rows[column].push(value));
      prevHash = hash;
    }
    await dataSource.query(
      `insert into ledger_entry (sequence, event_id, topic, event_type, aggregate_type, aggregate_id, referral_id, occurred_at, recorded_at, canonical, prev_hash, hash)
       select s, e, t, ty, at, ag, r, o, clock_timestamp(), c, p, h
       from unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::timestamptz[], $9::text[], $10::text[], $11::text[])
         as x(s, e, t, ty, at, ag, r, o, c, p, h)`,
      rows,
    );
  }
  await dataSource.query(
    'update ledger_head set sequence = $1, hash = $2, recorded_at = clock_timestamp() where id = 1',
    [count, prevHash],
  );
  return referralId;
}

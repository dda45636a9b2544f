import type { DataSource } from 'typeorm';
import { findEventDefinition, uuidv7 } from '@rj/shared/contracts';
import { SAMPLE_EVENTS, SAMPLE_IDS } from '@rj/shared/contracts/testing';
import {
  canonicalJson,
  chainHash,
  GENESIS_HASH,
  initialReferralState,
  reduceReferralState,
  storedReferralState,
} from '@rj/audit/domain';

/**
 * FOR TESTS AND BENCHMARKS: fills an empty ledger with `count` valid, chained entries straight
 * into the table (no Kafka), together with the live projection they imply. The events are the
 * contract samples — every type — re-keyed per referral: one referral's whole path, then the
 * next one's. Ids are swapped as text in the canonical form (same length, same key order), so
 * each entry is exactly what the consumer would have stored.
 */
export async function loadSyntheticLedger(
  dataSource: DataSource,
  count: number,
  onProgress?: (loaded: number) => void,
): Promise<void> {
  const templates = Object.values(SAMPLE_EVENTS)
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
    .map((event) => ({
      event,
      topic: findEventDefinition(event.type, event.version)?.topic ?? 'unknown',
      canonical: canonicalJson(event),
    }));
  const batchSize = 5000;
  let prevHash = GENESIS_HASH;
  let referralId = '';
  let state = initialReferralState();
  let states: { ids: string[]; states: string[]; sequences: number[] } = { ids: [], states: [], sequences: [] };
  let lastSequenceOfReferral = 0;
  for (let start = 0; start < count; start += batchSize) {
    const rows: unknown[][] = [[], [], [], [], [], [], [], [], [], [], []];
    for (let i = start; i < Math.min(count, start + batchSize); i++) {
      const template = templates[i % templates.length];
      if (i % templates.length === 0) {
        if (referralId) pushState(states, referralId, state, lastSequenceOfReferral);
        referralId = uuidv7();
        state = initialReferralState();
      }
      const eventId = uuidv7();
      const canonical = template.canonical
        .replace(template.event.id, eventId)
        .replaceAll(SAMPLE_IDS.referralId, referralId);
      const hash = chainHash(prevHash, canonical);
      const scoped = template.event.referralId !== null;
      const aggregateId =
        template.event.aggregateId === SAMPLE_IDS.referralId ? referralId : template.event.aggregateId;
      [
        i + 1,
        eventId,
        template.topic,
        template.event.type,
        template.event.aggregateType,
        aggregateId,
        scoped ? referralId : null,
        template.event.occurredAt,
        canonical,
        prevHash,
        hash,
      ].forEach((value, column) => rows[column].push(value));
      if (scoped) {
        state = reduceReferralState(state, JSON.parse(canonical));
        lastSequenceOfReferral = i + 1;
      }
      prevHash = hash;
    }
    await dataSource.query(
      `insert into ledger_entry (sequence, event_id, topic, event_type, aggregate_type, aggregate_id, referral_id, occurred_at, recorded_at, canonical, prev_hash, hash)
       select s, e, t, ty, at, ag, r, o, clock_timestamp(), c, p, h
       from unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::timestamptz[], $9::text[], $10::text[], $11::text[])
         as x(s, e, t, ty, at, ag, r, o, c, p, h)`,
      rows,
    );
    if (states.ids.length >= 1000) states = await flushStates(dataSource, states);
    onProgress?.(Math.min(count, start + batchSize));
  }
  if (referralId) pushState(states, referralId, state, lastSequenceOfReferral);
  await flushStates(dataSource, states);
  await dataSource.query(
    'update ledger_head set sequence = $1, hash = $2, recorded_at = clock_timestamp() where id = 1',
    [count, prevHash],
  );
}

function pushState(
  into: { ids: string[]; states: string[]; sequences: number[] },
  id: string,
  state: ReturnType<typeof initialReferralState>,
  sequence: number,
): void {
  into.ids.push(id);
  into.states.push(storedReferralState(state));
  into.sequences.push(sequence);
}

async function flushStates(dataSource: DataSource, batch: { ids: string[]; states: string[]; sequences: number[] }) {
  if (batch.ids.length) {
    await dataSource.query(
      `insert into referral_state (referral_id, state, last_sequence)
       select id, st::jsonb, seq from unnest($1::uuid[], $2::text[], $3::bigint[]) as x(id, st, seq)`,
      [batch.ids, batch.states, batch.sequences],
    );
  }
  return { ids: [], states: [], sequences: [] };
}

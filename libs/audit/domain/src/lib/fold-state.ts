import type { EventEnvelope } from '@rj/shared/contracts';

/** An event as the ledger stored it: its envelope plus when the ledger received it. */
export interface LedgerRecord {
  event: EventEnvelope;
  recordedAt: string;
  sequence?: number;
}

/** A pure reducer with its starting state, as the domain libs export them. */
export interface ReducerSpec<S> {
  initial: S;
  reduce(state: S, event: EventEnvelope): S;
}

export type ReducerMap = Record<string, ReducerSpec<unknown>>;
export type FoldedState<R extends ReducerMap> = { [K in keyof R]: R[K] extends ReducerSpec<infer S> ? S : never };

export interface FoldOptions {
  /**
   * Which clock decides "as it stood at T": when the event happened (`occurredAt`, default — what
   * the parties experienced) or when the ledger received it (`recordedAt` — what anyone could
   * have known at T). A record without `recordedAt` falls back to occurredAt.
   */
  clock?: 'occurredAt' | 'recordedAt';
}

export interface FoldResult<R extends ReducerMap> {
  at: string;
  state: FoldedState<R>;
  eventsApplied: number;
  lastEventId: string | null;
}

function timeOf(item: EventEnvelope | LedgerRecord, clock: FoldOptions['clock']): number {
  if ('event' in item) return Date.parse(clock === 'recordedAt' ? item.recordedAt : item.event.occurredAt);
  return Date.parse(item.occurredAt);
}

/**
 * A referral's state at a past moment (api.md `GET /api/audit/referrals/{id}/state?at=`): folds
 * the events at or before `at` through every reducer given, in ledger order. Events later than
 * `at` are skipped, not a stop signal: across topics, ledger order and event time can disagree.
 * The reducers come from the callers (referral, scheduling, outcome domain libs), so this lib
 * depends on none of them.
 */
export function foldState<R extends ReducerMap>(
  events: Iterable<EventEnvelope | LedgerRecord>,
  at: string | Date,
  reducers: R,
  options: FoldOptions = {},
): FoldResult<R> {
  const fold = new StateFold(at, reducers, options);
  for (const item of events) fold.push(item);
  return fold.result();
}

/**
 * foldState one record at a time, for records streamed from the database in batches: the
 * state is all it keeps, so memory does not grow with the referral's history.
 */
export class StateFold<R extends ReducerMap> {
  private readonly limit: number;
  private readonly names: (keyof R & string)[];
  private readonly state: Record<string, unknown>;
  private eventsApplied = 0;
  private lastEventId: string | null = null;
  /** Records offered, applied or not (a referral with none is unknown). */
  seen = 0;

  constructor(
    at: string | Date,
    private readonly reducers: R,
    private readonly options: FoldOptions = {},
  ) {
    this.limit = at instanceof Date ? at.getTime() : Date.parse(at);
    if (Number.isNaN(this.limit)) throw new RangeError(`not an ISO 8601 instant: ${String(at)}`);
    this.names = Object.keys(reducers) as (keyof R & string)[];
    this.state = Object.fromEntries(this.names.map((name) => [name, reducers[name].initial]));
  }

  push(item: EventEnvelope | LedgerRecord): void {
    this.seen++;
    const time = timeOf(item, this.options.clock);
    if (Number.isNaN(time) || time > this.limit) return;
    const event = 'event' in item ? item.event : item;
    for (const name of this.names) this.state[name] = this.reducers[name].reduce(this.state[name], event);
    this.eventsApplied++;
    this.lastEventId = event.id;
  }

  result(): FoldResult<R> {
    return {
      at: new Date(this.limit).toISOString(),
      state: { ...this.state } as FoldedState<R>,
      eventsApplied: this.eventsApplied,
      lastEventId: this.lastEventId,
    };
  }
}

/**
 * Orders a referral's records as things happened: by event time, ties in ledger order. Topics
 * reach the ledger interleaved, so ledger order alone can put a later fact first (an
 * unmatched from matching before the acceptance that made it moot).
 */
export function byOccurrence(
  a: { sequence?: number; occurredAt?: string; event?: { occurredAt: string } },
  b: { sequence?: number; occurredAt?: string; event?: { occurredAt: string } },
): number {
  const time = (r: typeof a) => Date.parse(r.event?.occurredAt ?? r.occurredAt ?? '');
  return time(a) - time(b) || (a.sequence ?? 0) - (b.sequence ?? 0);
}

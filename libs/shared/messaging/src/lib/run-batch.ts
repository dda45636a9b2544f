import type { EntityManager } from 'typeorm';

/**
 * Writes that handlers of one run gather and send together: each handler adds its event's part,
 * and `flush` writes them all in a few statements, in the run's transaction, just before it
 * commits (issue 15: the audit ledger paid three round trips per event, a hundred events a run
 * in a catch-up). A run that gives each handler a savepoint flushes after every handler, inside
 * its savepoint, so a write that fails is still that event's failure alone.
 *
 * `flush` must leave the batch empty. `add`-style methods must not touch the database: what
 * they gather is written by `flush` or dropped with the run.
 */
export interface RunBatch {
  flush(manager: EntityManager): Promise<void>;
}

/** A kind of batch: a class whose instances gather one run's writes. */
export type RunBatchKind<B extends RunBatch> = new () => B;

/** The batches of one run, made on first use, flushed in the order they were made. */
export class RunBatches {
  private readonly byKind = new Map<RunBatchKind<RunBatch>, RunBatch>();

  get<B extends RunBatch>(kind: RunBatchKind<B>): B {
    let batch = this.byKind.get(kind);
    if (!batch) this.byKind.set(kind, (batch = new kind()));
    return batch as B;
  }

  async flush(manager: EntityManager): Promise<void> {
    for (const batch of this.byKind.values()) await batch.flush(manager);
    this.byKind.clear();
  }

  /** The handler failed: what it gathered goes with its rolled-back writes. */
  discard(): void {
    this.byKind.clear();
  }
}

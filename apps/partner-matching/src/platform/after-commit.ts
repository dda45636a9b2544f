import { Logger } from '@nestjs/common';
import type {
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { bindToCurrentTrace } from '@rj/shared/service';

type Action = () => Promise<unknown>;

const pending = new WeakMap<QueryRunner, Action[]>();
const logger = new Logger('AfterCommit');

function run(action: Action): void {
  action().catch((error: Error) =>
    logger.warn(`after-commit action failed (the sweep repairs it): ${error.name}: ${error.message}`),
  );
}

/**
 * Runs `action` once the transaction `manager` works in has committed, and never if it rolls
 * back: a BullMQ job for an offer must not exist before the offer does, nor for one that never
 * did. Event handlers run inside the consumer's transaction (the inbox row commits with their
 * writes), so they cannot enqueue "after" themselves; this lets them. Outside a transaction the
 * action runs at once. Actions are not awaited by the commit and a failure is only logged:
 * Postgres holds the truth and the sweeps re-create what Redis missed. An action of a handler
 * whose savepoint was rolled back inside a batch that still commits does run, so actions look
 * their row up and do nothing without it (the expiry job and the mail job both do).
 */
export function afterCommit(manager: EntityManager, action: Action): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return run(action);
  // Runs in the trace of the handler or request that asked for it: the job it enqueues continues it.
  const traced = bindToCurrentTrace(action);
  const actions = pending.get(runner);
  if (actions) actions.push(traced);
  else pending.set(runner, [traced]);
}

/** TypeORM subscriber that fires the actions on commit and drops them on rollback. */
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    // Also broadcast when a nested savepoint is released: wait for the outer commit.
    if (queryRunner.isTransactionActive) return;
    const actions = pending.get(queryRunner);
    pending.delete(queryRunner);
    actions?.forEach(run);
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) pending.delete(queryRunner);
  }
}

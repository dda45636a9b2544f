import { Logger } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import {
  EventSubscriber,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

type Action = () => Promise<unknown>;

const pending = new WeakMap<QueryRunner, Action[]>();
const logger = new Logger('AfterCommit');

async function run(action: Action): Promise<void> {
  try {
    await action();
  } catch (error) {
    const { name, message } = error as Error;
    logger.warn(`after-commit action failed (the sweep repairs it): ${name}: ${message}`);
  }
}

/**
 * Runs `action` once the transaction `manager` works in has committed, and never if it rolls
 * back: a BullMQ job (an offer's expiry, a session's reminder, a mail's delivery) must not exist
 * before its row does, nor for one that never did. Event handlers run inside the consumer's
 * transaction (the inbox row commits with their writes), so they cannot act "after" themselves;
 * this lets them, and lets a service register the work where it decides it instead of carrying
 * ids out of the transaction.
 *
 * The commit waits for the actions, one after another (so `withTransaction` returns, and the 2xx goes out, once
 * the jobs are in Redis), but an action's failure is only logged: Postgres holds the truth and
 * the sweeps re-create what Redis missed. Outside a transaction the action runs at once.
 * Savepoints are plain SQL in the consumer (`apply-event.ts`), so an action of a handler whose
 * savepoint was rolled back inside a batch that still commits does run: actions look their row
 * up and do nothing without it.
 *
 * Every DataSource made by `createDataSource` carries the subscriber that runs them.
 */
export function afterCommit(manager: EntityManager, action: Action): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    void run(action);
    return;
  }
  // Runs in the trace of the handler or request that asked for it: the job it enqueues continues it.
  const traced = context.bind(context.active(), action);
  const actions = pending.get(runner);
  if (actions) actions.push(traced);
  else pending.set(runner, [traced]);
}

/** TypeORM subscriber that runs the actions on commit and drops them on rollback. */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  async afterTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    // Also broadcast when a nested savepoint is released: wait for the outer commit.
    if (queryRunner.isTransactionActive) return;
    const actions = pending.get(queryRunner);
    pending.delete(queryRunner);
    // In the order they were asked for: a reminder's removal before its re-adding.
    for (const action of actions ?? []) await run(action);
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) pending.delete(queryRunner);
  }
}

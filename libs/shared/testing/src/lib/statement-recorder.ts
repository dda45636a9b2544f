import type { DataSource, EntitySubscriberInterface } from 'typeorm';

/**
 * Every statement the data source sends from now on, as TypeORM logs it ('START TRANSACTION'
 * and 'COMMIT' included): a test counts round trips with it. Empty it with `length = 0`.
 */
export function recordStatements(dataSource: DataSource): string[] {
  const statements: string[] = [];
  const recorder: EntitySubscriberInterface = { beforeQuery: (event) => void statements.push(event.query) };
  dataSource.subscribers.push(recorder);
  return statements;
}

/** The recorded statements without the transaction's own BEGIN and COMMIT. */
export function withinTransactions(statements: readonly string[]): string[] {
  return statements.filter((sql) => !/^(START TRANSACTION|COMMIT)$/.test(sql));
}

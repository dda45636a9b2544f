import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { compiledPerEntity } from './compiled-per-entity';

interface CompiledLock {
  readonly sql: string;
  readonly columns: readonly ColumnMetadata[];
}

/** Per entity, its statement, built once from TypeORM's own metadata. */
const compiledLocks = new WeakMap<EntityMetadata, CompiledLock>();

function compileLock(metadata: EntityMetadata, escape: (name: string) => string): CompiledLock {
  if (metadata.primaryColumns.length !== 1)
    throw new Error(`lockById: ${metadata.name} has no single-column primary key`);
  if (metadata.relations.length || metadata.embeddeds.length || metadata.afterLoadListeners.length)
    throw new Error(`lockById: ${metadata.name} has relations, embedded columns or load listeners; use findOne`);
  const columns = metadata.columns.filter((column) => column.isSelect && !column.isVirtual);
  const table = metadata.schema
    ? `${escape(metadata.schema)}.${escape(metadata.tableName)}`
    : escape(metadata.tableName);
  const key = escape(metadata.primaryColumns[0].databaseName);
  return {
    sql: `select ${columns.map((column) => escape(column.databaseName)).join(', ')} from ${table} where ${key} = $1 for update`,
    columns,
  };
}

/**
 * The entity whose primary key is `id`, its row locked until the transaction ends, or null:
 * what `findOne(Entity, { where: { id }, lock: { mode: 'pessimistic_write' } })` answers, with
 * the entity's column transformers applied the same way, but without building the query anew
 * on every call. A consumer locks a row for almost every event it applies, and TypeORM's query
 * building cost about as much CPU as the statement's round trip (issue 15).
 */
export async function lockById<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: string,
): Promise<T | null> {
  const { metadata, compiled: lock } = compiledPerEntity(manager, target, compiledLocks, compileLock);
  const driver = manager.connection.driver;
  const [row]: Record<string, unknown>[] = await manager.query(lock.sql, [id]);
  if (!row) return null;
  const entity = metadata.create(undefined, { fromDeserializer: true }) as T;
  for (const column of lock.columns)
    column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
  return entity;
}

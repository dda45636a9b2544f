import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { compiledPerEntity } from './compiled-per-entity';

export interface InsertRowOptions {
  /** 'skip': a row that conflicts with one already there is not written (`on conflict do nothing`). */
  ifConflict?: 'skip';
}

interface CompiledInsert {
  readonly sql: string;
  readonly skippingConflicts: string;
  readonly columns: readonly ColumnMetadata[];
}

/** Per entity, its statement, built once from TypeORM's own metadata. */
const compiledInserts = new WeakMap<EntityMetadata, CompiledInsert>();

function compileInsert(metadata: EntityMetadata, escape: (name: string) => string): CompiledInsert {
  // What TypeORM fills in or reacts to on insert: leave those entities to manager.insert.
  const filled = metadata.columns.find(
    (column) =>
      column.isGenerated || column.isCreateDate || column.isUpdateDate || column.isVersion || column.isDeleteDate,
  );
  if (filled || metadata.relations.length || metadata.embeddeds.length || metadata.beforeInsertListeners.length)
    throw new Error(
      `insertRow: ${metadata.name} has generated, dated or versioned columns, relations, embedded columns or insert listeners; use manager.insert`,
    );
  const columns = metadata.columns.filter((column) => column.isInsert && !column.isVirtual);
  const table = metadata.schema
    ? `${escape(metadata.schema)}.${escape(metadata.tableName)}`
    : escape(metadata.tableName);
  const sql = `insert into ${table} (${columns.map((column) => escape(column.databaseName)).join(', ')}) values (${columns
    .map((_, index) => `$${index + 1}`)
    .join(', ')})`;
  return { sql, skippingConflicts: `${sql} on conflict do nothing`, columns };
}

/**
 * Inserts one entity's row: what `manager.insert(Entity, entity)` does for an entity that gives
 * every column, each value converted by TypeORM's driver as it converts it (transformers, json,
 * dates), but with the statement built once per entity instead of by the query builder on every
 * call. On a consumer's path the query builder cost more CPU than the round trip (issue 15). An
 * entity that leaves a column undefined wants the column's default: manager.insert writes it.
 */
export async function insertRow<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entity: T,
  options: InsertRowOptions = {},
): Promise<void> {
  const { compiled: insert } = compiledPerEntity(manager, target, compiledInserts, compileInsert);
  const driver = manager.connection.driver;
  const values: unknown[] = [];
  for (const column of insert.columns) {
    const value = column.getEntityValue(entity);
    if (value === undefined) {
      const builder = manager.createQueryBuilder().insert().into(target).values(entity);
      await (options.ifConflict === 'skip' ? builder.orIgnore() : builder).execute();
      return;
    }
    values.push(driver.preparePersistentValue(value, column));
  }
  await manager.query(options.ifConflict === 'skip' ? insert.skippingConflicts : insert.sql, values);
}

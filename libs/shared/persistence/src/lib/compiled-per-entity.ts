import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * A statement built once per entity from TypeORM's own metadata (lockById, insertRow): the
 * entity's metadata and what `compile` made of it the first time, kept in `cache`.
 */
export function compiledPerEntity<T extends ObjectLiteral, C>(
  manager: EntityManager,
  target: EntityTarget<T>,
  cache: WeakMap<EntityMetadata, C>,
  compile: (metadata: EntityMetadata, escape: (name: string) => string) => C,
): { metadata: EntityMetadata; compiled: C } {
  const metadata = manager.connection.getMetadata(target);
  let compiled = cache.get(metadata);
  if (compiled === undefined) {
    const driver = manager.connection.driver;
    compiled = compile(metadata, (name) => driver.escape(name));
    cache.set(metadata, compiled);
  }
  return { metadata, compiled };
}

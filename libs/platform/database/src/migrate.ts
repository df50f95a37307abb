import type { MikroORM } from '@mikro-orm/postgresql';

/** Applies every pending committed migration in one transaction; returns the names applied. */
export async function applyMigrations(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}

/** True when the entities describe a schema that the committed migrations do not produce. */
export async function schemaDriftsFromMigrations(orm: MikroORM): Promise<{ drift: boolean; sql: string }> {
  const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
  return { drift: sql.trim().length > 0, sql };
}

import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { ALL_ENTITIES } from '@dup/domain';
import { MIGRATIONS } from './migrations';
import { MIGRATIONS_FOLDER } from './migrations-folder';

export interface OrmConfigInput {
  url: string;
  poolMax?: number;
  /** Called for each SQL statement when query logging is on. */
  logQuery?: (message: string) => void;
  /**
   * Only `migration:create` reads and writes the committed schema snapshot. Elsewhere it stays
   * off: MikroORM would otherwise rewrite the snapshot file after every `up`, touching the
   * checkout (or failing on a read-only one) whenever the service or the tests migrate.
   */
  authoringMigrations?: boolean;
}

/** The one MikroORM configuration used by the service, the CLI and the tests. */
export function createOrmConfig(input: OrmConfigInput): Options {
  return defineConfig({
    clientUrl: input.url,
    entities: ALL_ENTITIES,
    // Entities are listed explicitly and compiled; nothing is discovered from the file system.
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    pool: { min: 0, max: input.poolMax ?? 10 },
    // A request without a context must fail loudly rather than share the global identity map.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    debug: input.logQuery ? ['query'] : false,
    logger: input.logQuery ?? (() => undefined),
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: MIGRATIONS_FOLDER,
      pathTs: MIGRATIONS_FOLDER,
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      snapshot: input.authoringMigrations ?? false,
      snapshotName: '.snapshot-dup-monitor',
      emit: 'ts',
      disableForeignKeys: false,
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? '_' + name : ''}`,
    },
    schemaGenerator: { disableForeignKeys: false, createForeignKeyConstraints: true },
  });
}

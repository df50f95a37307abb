import { AsyncLocalStorage } from 'node:async_hooks';
import type { MikroORM } from '@mikro-orm/postgresql';

interface Scope {
  count: number;
}

/**
 * Counts SQL statements sent by an ORM instance, optionally per async scope (one GraphQL
 * request). Used to prove that a whole-tree query costs a fixed number of statements.
 */
export class SqlStatementCounter {
  private readonly storage = new AsyncLocalStorage<Scope>();
  private total = 0;

  constructor(orm: MikroORM) {
    orm.em
      .getConnection()
      .getKnex()
      .on('query', () => {
        this.total += 1;
        const scope = this.storage.getStore();
        if (scope) scope.count += 1;
      });
  }

  get totalStatements(): number {
    return this.total;
  }

  /** Runs `fn` and returns its result with the statements it issued. */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const scope: Scope = { count: 0 };
    const result = await this.storage.run(scope, fn);
    return { result, statements: scope.count };
  }
}

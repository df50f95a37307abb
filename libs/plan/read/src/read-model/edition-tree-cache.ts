import type { EntityManager } from '@mikro-orm/postgresql';
import { loadEditionTree, type EditionTree } from './edition-tree';

interface Entry {
  version: bigint;
  tree: Promise<EditionTree>;
}

/** Editions kept per database; the least recently used is dropped beyond this. */
const MAX_EDITIONS = 32;

/** One cache per ORM (per database): the forks of an ORM share its configuration object. */
const caches = new WeakMap<object, Map<string, Entry>>();

/**
 * The plan's data version: PostgreSQL triggers bump it in every transaction that writes plan
 * data (see the PlanDataVersion migration), and it commits or rolls back with that transaction.
 * Null when the row is missing: the cache is then bypassed, never trusted.
 */
export async function readPlanDataVersion(em: EntityManager): Promise<bigint | null> {
  const rows = await em.getConnection().execute<{ version: string }[]>('select version::text as version from plan_data_version where id = 1');
  return rows.length ? BigInt(rows[0].version) : null;
}

/**
 * The read model of an edition, shared across requests while the data version is unchanged.
 *
 * Why it is never stale: a request reads the version V first (one statement), then serves the
 * tree cached under V or builds it and caches it under V. A tree built under V reflects at least
 * the commits that produced V; if anything committed while it was built, the version is already
 * above V and the next request rebuilds. A tree is thus served under V only when nothing has
 * committed since V was read for it.
 */
export function cachedEditionTree(em: EntityManager, version: bigint | null, edition: { id: string; mandateId: string }): Promise<EditionTree> {
  if (version === null) return loadEditionTree(em, edition);
  let cache = caches.get(em.config);
  if (!cache) caches.set(em.config, (cache = new Map()));
  const hit = cache.get(edition.id);
  if (hit && hit.version === version) {
    cache.delete(edition.id); // most recently used last
    cache.set(edition.id, hit);
    return hit.tree;
  }
  const tree = loadEditionTree(em, edition);
  // A slower request that read an older version must not replace a newer tree.
  if (!hit || hit.version < version) {
    const entry: Entry = { version, tree };
    cache.delete(edition.id);
    cache.set(edition.id, entry);
    if (cache.size > MAX_EDITIONS) cache.delete(cache.keys().next().value!);
    tree.catch(() => {
      if (cache.get(edition.id) === entry) cache.delete(edition.id);
    });
  }
  return tree;
}

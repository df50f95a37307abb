import type { EntityManager } from '@mikro-orm/postgresql';
import { loadEditionTree, type EditionTree } from './edition-tree';
import { loadEditionProgress, withProgress } from './edition-progress';

/**
 * The plan's data versions: PostgreSQL triggers bump `version` in every transaction that writes
 * plan data, and `structure` too unless it writes only progress (statuses, targets, results; see
 * the PlanDataVersion and PlanStructureVersion migrations). Both commit or roll back with the write.
 */
export interface PlanDataVersions {
  version: bigint;
  structure: bigint;
}

interface Entry extends PlanDataVersions {
  tree: Promise<EditionTree>;
}

/** Editions kept per database; the least recently used is dropped beyond this. */
const MAX_EDITIONS = 32;

/** One cache per ORM (per database): the forks of an ORM share its configuration object. */
const caches = new WeakMap<object, Map<string, Entry>>();

/** The data versions, in one statement. Null when the row is missing: the cache is then bypassed, never trusted. */
export async function readPlanDataVersions(em: EntityManager): Promise<PlanDataVersions | null> {
  const rows = await em
    .getConnection()
    .execute<{ version: string; structure: string }[]>('select version::text as version, structure_version::text as structure from plan_data_version where id = 1');
  return rows.length ? { version: BigInt(rows[0].version), structure: BigInt(rows[0].structure) } : null;
}

/** The data version alone (report renditions are reused while it is unchanged). */
export async function readPlanDataVersion(em: EntityManager): Promise<bigint | null> {
  return (await readPlanDataVersions(em))?.version ?? null;
}

/**
 * The read model of an edition, shared across requests while the data version is unchanged.
 *
 * Why it is never stale: a request reads the versions V first (one statement), then serves the
 * tree cached under V or later, or builds one and caches it under V. A tree built under V
 * reflects at least the commits that produced V; if anything committed while it was built, the
 * version is already above V and the next request rebuilds. A writer reads after its commit, so
 * it always sees its own write.
 *
 * What a rebuild costs: when only progress changed since the cached tree (same structure
 * version), only statuses, targets and results are reloaded (EDITION_PROGRESS_STATEMENTS) and
 * set into a copy of that tree; otherwise the whole tree is built (EDITION_TREE_STATEMENTS).
 * Requests at the same version share one build.
 */
export function cachedEditionTree(em: EntityManager, versions: PlanDataVersions | null, edition: { id: string; mandateId: string }): Promise<EditionTree> {
  if (versions === null) return loadEditionTree(em, edition);
  let cache = caches.get(em.config);
  if (!cache) caches.set(em.config, (cache = new Map()));
  const hit = cache.get(edition.id);
  // A request that read an older version may be served a newer tree: it holds every commit it could see.
  if (hit && hit.version >= versions.version) {
    cache.delete(edition.id); // most recently used last
    cache.set(edition.id, hit);
    return hit.tree;
  }
  const tree = hit && hit.structure === versions.structure ? refreshProgress(em, edition, hit.tree) : loadEditionTree(em, edition);
  const entry: Entry = { ...versions, tree };
  cache.delete(edition.id);
  cache.set(edition.id, entry);
  if (cache.size > MAX_EDITIONS) cache.delete(cache.keys().next().value!);
  tree.catch(() => {
    if (cache.get(edition.id) === entry) cache.delete(edition.id);
  });
  return tree;
}

/** The previous tree with fresh progress; a whole new tree when the previous build failed. */
async function refreshProgress(em: EntityManager, edition: { id: string; mandateId: string }, previous: Promise<EditionTree>): Promise<EditionTree> {
  const [base, progress] = await Promise.all([previous.catch(() => null), loadEditionProgress(em, edition)]);
  return base ? withProgress(base, progress) : loadEditionTree(em, edition);
}

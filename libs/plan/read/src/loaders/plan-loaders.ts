import type { EntityManager } from '@mikro-orm/postgresql';
import type { EditionTree } from '../read-model/edition-tree';
import { cachedEditionTree, readPlanDataVersions, type PlanDataVersions } from '../read-model/edition-tree-cache';
import { editionIndex } from '../read-model/edition-index';

/**
 * Per-request access to the plan tree. The data versions are read once per request (one
 * statement); each edition's tree then comes from the read-model cache or is built with a
 * fixed number of statements, however large the plan and whatever the timing.
 */
export function createPlanLoaders(em: EntityManager) {
  let versions: Promise<PlanDataVersions | null> | undefined;
  const trees = new Map<string, Promise<EditionTree>>();
  return {
    dataVersions(): Promise<PlanDataVersions | null> {
      return (versions ??= readPlanDataVersions(em));
    },
    editionTree(edition: { id: string; mandateId: string }): Promise<EditionTree> {
      let tree = trees.get(edition.id);
      if (!tree) {
        // Indexed before any resolver sees its DTOs (see read-model/edition-index.ts).
        tree = this.dataVersions().then(async (v) => {
          const built = await cachedEditionTree(em, v, edition);
          editionIndex(built);
          return built;
        });
        trees.set(edition.id, tree);
      }
      return tree;
    },
  };
}

export type PlanLoaders = ReturnType<typeof createPlanLoaders>;

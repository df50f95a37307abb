import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EditionLinkType } from '../types/edition-link.types';

type LinkKind = 'strategic' | 'operational' | 'goal';

/** One statement per kind and direction for a whole page: ids in, links out (with the edition's code). */
const SELECT: Record<LinkKind, string> = {
  strategic: `select s.id, s.predecessor_id, e.code as edition_code, s.code, null::int as position, s.title
                from strategic_objective s join plan_edition e on e.id = s.edition_id`,
  operational: `select o.id, o.predecessor_id, e.code as edition_code, o.code, null::int as position, o.title
                  from operational_objective o join plan_edition e on e.id = o.edition_id`,
  goal: `select g.id, g.predecessor_id, e.code as edition_code, o.code, g.position, g.title
           from goal g join operational_objective o on o.id = g.objective_id join plan_edition e on e.id = o.edition_id`,
};

interface LinkRow {
  id: string;
  predecessor_id: string | null;
  edition_code: string;
  code: string;
  position: number | null;
  title: string;
}

const ALIAS: Record<LinkKind, string> = { strategic: 's', operational: 'o', goal: 'g' };
const ORDER: Record<LinkKind, string> = { strategic: 'e.start_year, s.code', operational: 'e.start_year, o.code', goal: 'e.start_year, o.code, g.position' };

const toLink = (r: LinkRow): EditionLinkType => ({ id: r.id, editionCode: r.edition_code, code: r.code, position: r.position, title: r.title });

/**
 * Predecessors and successors across editions, batched per request (DataLoader), scoped to the
 * viewer's ente. Successors are ordered by edition, so a chain reads forward in time.
 */
export function createEditionLinkLoaders(em: EntityManager, enteId: string) {
  const run = async (kind: LinkKind, column: 'id' | 'predecessor_id', ids: readonly string[]): Promise<LinkRow[]> =>
    em
      .getConnection()
      .execute<LinkRow[]>(`${SELECT[kind]} where ${ALIAS[kind]}.${column} = any(?::uuid[]) and e.ente_id = ? order by ${ORDER[kind]}`, [
        `{${ids.join(',')}}`,
        enteId,
      ]);
  const make = (kind: LinkKind) => ({
    byId: new DataLoader<string, EditionLinkType | null>(async (ids) => {
      const rows = new Map((await run(kind, 'id', ids)).map((r) => [r.id, toLink(r)]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    successors: new DataLoader<string, EditionLinkType[]>(async (ids) => {
      const grouped = new Map<string, EditionLinkType[]>();
      for (const r of await run(kind, 'predecessor_id', ids)) {
        const list = grouped.get(r.predecessor_id!) ?? [];
        list.push(toLink(r));
        grouped.set(r.predecessor_id!, list);
      }
      return ids.map((id) => grouped.get(id) ?? []);
    }),
  });
  return { strategic: make('strategic'), operational: make('operational'), goal: make('goal') };
}

export type EditionLinkLoaders = ReturnType<typeof createEditionLinkLoaders>;

import { readFileSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Mission, Programme } from '@dup/domain';

export interface CatalogueRow {
  missionCode: string;
  missionName: string;
  programmeCode: string;
  programmeName: string;
  source: string;
}

/** The classification's missions; those without a confirmed programme are loaded with no name. */
export const ALL_MISSION_CODES = [...Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')), '50', '60', '99'];

export function readCatalogueCsv(path: string): CatalogueRow[] {
  const [header, ...lines] = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (header !== 'mission_code;mission_name;programme_code;programme_name;source') {
    throw new Error(`Intestazione inattesa nel catalogo Missioni/Programmi: ${header}`);
  }
  return lines.map((line, index) => {
    const [missionCode, missionName, programmeCode, programmeName, source] = line.split(';');
    if (!/^\d{2}$/.test(missionCode ?? '') || !/^\d{2}$/.test(programmeCode ?? '') || !missionName || !programmeName) {
      throw new Error(`Riga ${index + 2} del catalogo Missioni/Programmi non valida: ${line}`);
    }
    return { missionCode, missionName, programmeCode, programmeName, source: source ?? '' };
  });
}

/** Upserts the national Missioni/Programmi catalogue (shared by every ente). */
export async function loadBudgetCatalogue(em: EntityManager, rows: CatalogueRow[]): Promise<{ missions: number; programmes: number }> {
  const missions = new Map((await em.find(Mission, {})).map((m) => [m.code, m]));
  const programmes = new Map((await em.find(Programme, {})).map((p) => [p.id, p]));
  const missionNames = new Map(rows.map((r) => [r.missionCode, r.missionName]));
  for (const code of ALL_MISSION_CODES) {
    const name = missionNames.get(code);
    const existing = missions.get(code);
    if (existing) {
      if (name && existing.name !== name) existing.name = name;
    } else {
      const mission = em.create(Mission, { code, name });
      missions.set(code, mission);
    }
  }
  for (const row of rows) {
    const id = `${row.missionCode}.${row.programmeCode}`;
    const existing = programmes.get(id);
    const data = { name: row.programmeName, confirmed: true, source: row.source };
    if (existing) em.assign(existing, data);
    else programmes.set(id, em.create(Programme, { id, mission: missions.get(row.missionCode)!, code: row.programmeCode, ...data }));
  }
  return { missions: missions.size, programmes: programmes.size };
}

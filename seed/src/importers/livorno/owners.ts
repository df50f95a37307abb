/**
 * "Responsabile politico" wording → political owners.
 */
import type { OwnerRole, PoliticalOwnerData } from '../../dataset/plan-dataset';

const ROLES: Record<string, OwnerRole> = { Sindaco: 'SINDACO', 'Vice Sindaco': 'VICE_SINDACO', Assessore: 'ASSESSORE' };

/** Parses e.g. "Assessore Silvia Viviani" or the collective "Sindaco Luca Salvetti e Giunta Comunale" (9.02.22). */
export function parseOwner(label: string): PoliticalOwnerData[] {
  const m = /^(Vice Sindaco|Sindaco|Assessore) ([A-Z][a-z]+ [A-Z][a-z]+)( e Giunta Comunale)?$/.exec(label);
  if (!m) throw new Error(`Unrecognised political owner "${label}"`);
  const role = ROLES[m[1]];
  const owners: PoliticalOwnerData[] = [{ key: `${role}:${m[2]}`, role, personName: m[2] }];
  if (m[3]) owners.push({ key: 'GIUNTA', role: 'GIUNTA' });
  return owners;
}

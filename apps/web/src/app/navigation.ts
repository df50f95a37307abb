import type { Role } from '../gql/graphql';

export interface NavEntry {
  path: string;
  label: string;
  /** Who sees the entry; the API enforces the same rules on every request. */
  roles: readonly Role[];
}

const EVERYONE: readonly Role[] = ['ADMIN', 'PLANNING_OFFICE', 'DEPARTMENT_HEAD', 'COUNCIL_MEMBER', 'AUDITOR'];

/** The main menu, in the order people use it. */
export const NAVIGATION: readonly NavEntry[] = [
  { path: '/', label: 'Home', roles: EVERYONE },
  { path: '/finalita', label: 'Le mie finalità', roles: ['DEPARTMENT_HEAD'] },
  { path: '/invio', label: 'Invio alla revisione', roles: ['DEPARTMENT_HEAD'] },
  { path: '/revisione', label: 'Revisione', roles: ['PLANNING_OFFICE'] },
  { path: '/spese', label: 'Spese', roles: ['PLANNING_OFFICE', 'ADMIN'] },
  { path: '/piano', label: 'Piano', roles: EVERYONE },
  { path: '/documenti', label: 'Documenti', roles: EVERYONE },
  { path: '/registro', label: 'Registro', roles: ['AUDITOR', 'ADMIN'] },
  { path: '/utenti', label: 'Utenti', roles: ['ADMIN'] },
];

export const ROLE_NAMES: Record<Role, string> = {
  ADMIN: 'Amministratore',
  PLANNING_OFFICE: 'Ufficio programmazione',
  DEPARTMENT_HEAD: 'Dirigente',
  COUNCIL_MEMBER: 'Consigliere',
  AUDITOR: 'Revisore',
};

export function canSee(role: Role, path: string): boolean {
  const entry = NAVIGATION.find((e) => e.path === path);
  return entry ? entry.roles.includes(role) : true;
}

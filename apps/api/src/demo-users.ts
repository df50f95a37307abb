import type { MikroORM } from '@mikro-orm/postgresql';
import { createUser } from '@dup/auth';
import { Department, PlanEdition, Role, User } from '@dup/domain';

/**
 * One user per role for local demos (README lists the credentials). Created only with the demo
 * data and never in production (the configuration refuses it).
 */
export const DEMO_USERS = [
  { username: 'admin', password: 'demo-admin-password', role: Role.ADMIN, displayName: 'Amministratore dimostrativo' },
  { username: 'programmazione', password: 'demo-programmazione', role: Role.PLANNING_OFFICE, displayName: 'Ufficio Programmazione (demo)' },
  { username: 'dirigente', password: 'demo-dirigente-settore', role: Role.DEPARTMENT_HEAD, displayName: 'Dirigente dimostrativo' },
  { username: 'consigliere', password: 'demo-consigliere', role: Role.COUNCIL_MEMBER, displayName: 'Consigliere dimostrativo' },
  { username: 'revisore', password: 'demo-revisore-oiv', role: Role.AUDITOR, displayName: 'Revisore dimostrativo' },
] as const;

/** The demo department head answers for Ambiente e mobilità when the plan has it (Livorno). */
const PREFERRED_DEPARTMENT = 'AMB_MOB';

export async function ensureDemoUsers(orm: MikroORM): Promise<string[]> {
  const em = orm.em.fork();
  const [edition] = await em.find(PlanEdition, {}, { orderBy: { startYear: 'desc' }, limit: 1 });
  if (!edition) return [];
  const enteId = edition.ente.id;
  const departments = await em.find(Department, { ente: enteId }, { orderBy: { code: 'asc' } });
  const department = departments.find((d) => d.code === PREFERRED_DEPARTMENT) ?? departments[0];
  const created: string[] = [];
  for (const demo of DEMO_USERS) {
    if (await em.count(User, { ente: enteId, username: demo.username })) continue;
    if (demo.role === Role.DEPARTMENT_HEAD && !department) continue;
    await createUser(em, {
      enteId,
      username: demo.username,
      displayName: demo.displayName,
      role: demo.role,
      password: demo.password,
      departmentCodes: demo.role === Role.DEPARTMENT_HEAD ? [department!.code] : [],
    });
    created.push(demo.username);
  }
  return created;
}

/** The demo users the service creates with the demo data (README, apps/api/src/demo-users.ts). */
export const DEMO = {
  admin: { username: 'admin', password: 'demo-admin-password' },
  planning: { username: 'programmazione', password: 'demo-programmazione' },
  head: { username: 'dirigente', password: 'demo-dirigente-settore' },
  council: { username: 'consigliere', password: 'demo-consigliere' },
  auditor: { username: 'revisore', password: 'demo-revisore-oiv' },
} as const;

export type DemoUser = (typeof DEMO)[keyof typeof DEMO];

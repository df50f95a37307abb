import { AuditEntry, Ente, Role, type Viewer } from '@dup/domain';
import { createTestDatabase, type TestDatabase } from '@dup/testing';
import { auditTrailPage } from './audit-trail.service';
import { recordAudit } from './record-audit';

describe('audit trail (append-only, real PostgreSQL)', () => {
  let db: TestDatabase;
  let ente: Ente;
  let viewer: Viewer;

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    ente = em.create(Ente, { name: 'Comune di Prova', istatCode: '000001' });
    await em.flush();
    viewer = { userId: '00000000-0000-4000-8000-000000000001', enteId: ente.id, username: 'ufficio', displayName: 'Ufficio', role: Role.PLANNING_OFFICE, departmentIds: [], readOnly: false, via: 'jwt' };
    await db.orm.em.fork().transactional((tx) =>
      recordAudit(tx, viewer, { operation: 'SET_GOAL_STATUS', entityType: 'GoalStatus', entityId: 'g-1', before: { version: 1 }, after: { version: 2, at: new Date(0) }, requestId: 'r-1' }),
    );
  });
  afterAll(() => db.drop());

  it('stores who, when, what, before and after in the write transaction', async () => {
    const [row] = await db.orm.em.fork().find(AuditEntry, {});
    expect(row).toMatchObject({ actor: 'ufficio', actorRole: 'PLANNING_OFFICE', via: 'jwt', operation: 'SET_GOAL_STATUS', before: { version: 1 }, after: { version: 2, at: '1970-01-01T00:00:00.000Z' }, requestId: 'r-1' });
    expect(row.occurredAt).toBeInstanceOf(Date);
  });

  it('rolls back with the write it records', async () => {
    await expect(
      db.orm.em.fork().transactional(async (tx) => {
        await recordAudit(tx, { system: 'cli', enteId: ente.id }, { operation: 'X', entityType: 'Test', entityId: 'rolled-back' });
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    expect(await db.orm.em.fork().count(AuditEntry, { entityId: 'rolled-back' })).toBe(0);
  });

  it('refuses to record outside a transaction', async () => {
    await expect(recordAudit(db.orm.em.fork(), viewer, { operation: 'X', entityType: 'Test', entityId: 'x' })).rejects.toThrow(/inside the transaction/);
  });

  it.each([
    ['UPDATE', `update audit_entry set actor = 'falsario'`],
    ['UPDATE of the JSON', `update audit_entry set after = '{}'::jsonb where id = (select min(id) from audit_entry)`],
    ['DELETE', 'delete from audit_entry'],
    ['TRUNCATE', 'truncate audit_entry'],
  ])("refuses %s even from the application's own connection", async (_what, sql) => {
    const connection = db.orm.em.getConnection();
    await expect(connection.execute(sql)).rejects.toThrow(/AUDIT_IMMUTABLE/);
    const [{ n }] = await connection.execute<{ n: string }[]>(`select count(*) n from audit_entry where actor = 'ufficio' and after->>'version' = '2'`);
    expect(Number(n)).toBe(1);
  });

  it("refuses the ORM's own delete and update too", async () => {
    const em = db.orm.em.fork();
    await expect(em.nativeDelete(AuditEntry, {})).rejects.toThrow(/AUDIT_IMMUTABLE/);
    await expect(em.nativeUpdate(AuditEntry, {}, { actor: 'x' })).rejects.toThrow(/AUDIT_IMMUTABLE/);
  });

  it('pages the trail of one ente only', async () => {
    const other = db.orm.em.fork().create(Ente, { name: 'Altro Comune', istatCode: '000002' });
    await db.orm.em.fork().persistAndFlush(other);
    await db.orm.em.fork().transactional((tx) => recordAudit(tx, { system: 'seed', enteId: other.id }, { operation: 'SEED', entityType: 'Ente', entityId: other.id }));
    const page = await auditTrailPage(db.orm.em.fork(), ente.id, {}, 10, null, true);
    expect(page.rows.map((r) => r.entry.operation)).toEqual(['SET_GOAL_STATUS']);
    expect(page.totalCount).toBe(1);
  });
});

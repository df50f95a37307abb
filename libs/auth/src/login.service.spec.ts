import { GraphQLError } from 'graphql';
import { Ente, Role } from '@dup/domain';
import { createTestDatabase, type TestDatabase } from '@dup/testing';
import { login } from './login.service';
import { createUser } from './user-admin.service';

const JWT = { secret: 'a-test-secret-of-at-least-32-characters!', ttlSeconds: 600 };

/** The error `login` throws, as { code, field, message }. */
async function refusal(attempt: Promise<unknown>) {
  try {
    await attempt;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { code: error.extensions['code'], field: error.extensions['field'], message: error.message };
  }
  throw new Error('login succeeded');
}

describe('login with the same username in several entes', () => {
  let db: TestDatabase;
  const enti: Record<string, Ente> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    for (const [istatCode, name] of [['000101', 'Comune Alfa'], ['000102', 'Comune Beta'], ['000103', 'Comune Gamma']]) enti[istatCode] = em.create(Ente, { istatCode, name });
    await em.flush();
    // "rossi" exists in Alfa and Beta with different passwords, "bianchi" in Alfa and Gamma with the same one.
    const users: [string, string, string][] = [
      ['000101', 'rossi', 'password-di-rossi-alfa'],
      ['000102', 'rossi', 'password-di-rossi-beta'],
      ['000101', 'bianchi', 'password-di-bianchi'],
      ['000103', 'bianchi', 'password-di-bianchi'],
      ['000102', 'verdi', 'password-di-verdi-beta'],
    ];
    for (const [istat, username, password] of users) {
      await createUser(em, { enteId: enti[istat].id, username, displayName: username, role: Role.AUDITOR, password });
    }
  });
  afterAll(() => db.drop());

  const attempt = (username: string, password: string, ente?: string) => login(db.orm.em.fork(), { username, password, ente }, JWT);

  it('answers a wrong password exactly as an unknown username, however many entes hold the name', async () => {
    const unknown = await refusal(attempt('nessuno', 'password-qualsiasi'));
    expect(unknown).toEqual({ code: 'UNAUTHENTICATED', field: undefined, message: 'Nome utente o password non corretti.' });
    expect(await refusal(attempt('rossi', 'password-sbagliata'))).toEqual(unknown);
    expect(await refusal(attempt('verdi', 'password-sbagliata'))).toEqual(unknown);
    expect(await refusal(attempt('rossi', 'password-sbagliata', '000101'))).toEqual(unknown);
  });

  it('logs into the ente whose account the password opens, without asking for the ente', async () => {
    expect((await attempt('rossi', 'password-di-rossi-beta')).viewer.enteId).toBe(enti['000102'].id);
    expect((await attempt('Rossi ', 'password-di-rossi-alfa')).viewer.enteId).toBe(enti['000101'].id);
    // With the ente, only that ente's account is tried.
    expect(await refusal(attempt('rossi', 'password-di-rossi-beta', '000101'))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('asks for the ente only when the password opens several accounts', async () => {
    expect(await refusal(attempt('bianchi', 'password-di-bianchi'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'ente',
      message: "La password è valida per lo stesso nome utente in più enti: indicare il codice ISTAT dell'ente.",
    });
    expect((await attempt('bianchi', 'password-di-bianchi', '000103')).viewer.enteId).toBe(enti['000103'].id);
  });
});

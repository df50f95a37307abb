import { hashPassword, passwordProblem, verifyPassword } from './password';
import { apiTokenSecretMatches, newApiTokenSecret, parseApiToken, signAccessToken, verifyAccessToken } from './tokens';
import { Role } from '@dup/domain';

describe('passwords', () => {
  it('hash with scrypt and a random salt, and verify only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
  });

  it('refuse short or trivial passwords in Italian', () => {
    expect(passwordProblem('corta')).toMatch(/almeno 12 caratteri/);
    expect(passwordProblem('aaaaaaaaaaaaaa')).toMatch(/ripetuto/);
    expect(passwordProblem('una password lunga')).toBeNull();
  });
});

describe('tokens', () => {
  const secret = 'x'.repeat(40);

  it('sign and verify access tokens, refusing another secret and expired tokens', () => {
    const { token } = signAccessToken({ sub: 'u1', ente: 'e1', role: Role.AUDITOR }, secret, 60);
    expect(verifyAccessToken(token, secret)).toEqual({ sub: 'u1', ente: 'e1', role: Role.AUDITOR });
    expect(verifyAccessToken(token, 'y'.repeat(40))).toBeNull();
    const expired = signAccessToken({ sub: 'u1', ente: 'e1', role: Role.AUDITOR }, secret, -10).token;
    expect(verifyAccessToken(expired, secret)).toBeNull();
    expect(verifyAccessToken('not.a.jwt', secret)).toBeNull();
  });

  it('issue API tokens whose secret only matches its hash', () => {
    const id = '6f1c1a4e-3b7d-4c39-9a51-2f0f6f6c8a11';
    const { token, secretHash } = newApiTokenSecret(id);
    const parsed = parseApiToken(token)!;
    expect(parsed.tokenId).toBe(id);
    expect(apiTokenSecretMatches(parsed.secret, secretHash)).toBe(true);
    expect(apiTokenSecretMatches(parsed.secret + 'x', secretHash)).toBe(false);
    expect(parseApiToken('Bearer something')).toBeNull();
  });
});

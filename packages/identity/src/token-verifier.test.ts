import { describe, expect, it } from '@jest/globals';
import { authorizationOf, isAccount } from './caller.js';
import { DenyList } from './deny-list.js';
import { JwksCache } from './jwks-cache.js';
import { generateSigningKeyText, readSigningKey, type Jwks } from './signing-keys.js';
import { TokenIssuer } from './token-issuer.js';
import { TokenVerifier } from './token-verifier.js';

const ACCOUNT = '0196a1b2-0000-7000-8000-000000000001';
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function setup(options: { jwks?: () => Promise<Jwks> } = {}) {
  const key = await readSigningKey(generateSigningKeyText());
  let fetches = 0;
  const source = options.jwks ?? (async () => ({ keys: [key.publicJwk] }));
  const denyList = new DenyList();
  const verifier = new TokenVerifier(
    new JwksCache(async () => {
      fetches += 1;
      return source();
    }),
    denyList,
  );
  const issuer = new TokenIssuer(key);
  return { key, verifier, denyList, issuer, fetches: () => fetches };
}

describe('TokenVerifier', () => {
  it('makes an anonymous caller of a request without Authorization', async () => {
    const { verifier } = await setup();
    await expect(verifier.authenticate(undefined)).resolves.toEqual({ kind: 'anonymous' });
    await expect(verifier.authenticate([])).resolves.toEqual({ kind: 'anonymous' });
  });

  it('makes the account caller a valid token names, and forwards the same token', async () => {
    const { verifier, issuer } = await setup();
    const issuedAt = nowSeconds();
    const { token } = await issuer.issue(ACCOUNT, 'ADMIN', issuedAt);
    const caller = await verifier.authenticate([`Bearer ${token}`]);
    expect(caller).toEqual({ kind: 'admin', accountId: ACCOUNT, issuedAt });
    expect(isAccount(caller) && authorizationOf(caller)).toBe(`Bearer ${token}`);
    // The token itself is not part of the caller, so logging a caller never logs a token.
    expect(JSON.stringify(caller)).not.toContain(token);
  });

  it('accepts the scheme in any letter case, as HTTP does', async () => {
    const { verifier, issuer } = await setup();
    const { token } = await issuer.issue(ACCOUNT, 'CUSTOMER', nowSeconds());
    await expect(verifier.authenticate([`bearer ${token}`])).resolves.toMatchObject({ kind: 'customer' });
  });

  it.each([
    ['a token without the Bearer scheme', (token: string) => [token]],
    ['another scheme', (token: string) => [`Basic ${token}`]],
    ['two Authorization values', (token: string) => [`Bearer ${token}`, `Bearer ${token}`]],
    ['an empty value', () => ['']],
    ['two spaces after Bearer', (token: string) => [`Bearer  ${token}`]],
    ['a header of 5 KB', () => [`Bearer ${'a'.repeat(5_000)}.b.c`]],
    ['garbage in the token', () => ['Bearer not.a.jwt']],
  ])('refuses %s', async (_case, values) => {
    const { verifier, issuer } = await setup();
    const { token } = await issuer.issue(ACCOUNT, 'CUSTOMER', nowSeconds());
    await expect(verifier.authenticate(values(token))).rejects.toMatchObject({ kind: 'UNAUTHENTICATED', code: 'AUTH.INVALID_TOKEN' });
  });

  it('refuses a token issued before its account was revoked, and accepts one issued at the mark', async () => {
    const { verifier, issuer, denyList } = await setup();
    const issuedAt = nowSeconds();
    const old = (await issuer.issue(ACCOUNT, 'ADMIN', issuedAt)).token;
    await verifier.authenticate([`Bearer ${old}`]);
    denyList.add({ accountId: ACCOUNT, notBefore: issuedAt + 1, at: Date.now() });
    await expect(verifier.authenticate([`Bearer ${old}`])).rejects.toMatchObject({ code: 'AUTH.TOKEN_REVOKED' });
    const fresh = (await issuer.issue(ACCOUNT, 'CUSTOMER', issuedAt + 1)).token;
    await expect(verifier.authenticate([`Bearer ${fresh}`])).resolves.toMatchObject({ kind: 'customer' });
  });

  it('fetches the keys once, and again for a kid it does not know (a rotated key)', async () => {
    let keys: Jwks = { keys: [] };
    const { verifier, fetches } = await setup({ jwks: async () => keys });
    const rotated = await readSigningKey(generateSigningKeyText());
    keys = { keys: [rotated.publicJwk] };
    const issuer = new TokenIssuer(rotated);
    for (let i = 0; i < 3; i += 1) await verifier.authenticate([`Bearer ${(await issuer.issue(ACCOUNT, 'CUSTOMER', nowSeconds() - i)).token}`]);
    expect(fetches()).toBe(1);
  });

  it('answers UNAVAILABLE, not UNAUTHENTICATED, while no key can be fetched', async () => {
    const { verifier, issuer } = await setup({
      jwks: async () => {
        throw new Error('account service down');
      },
    });
    const { token } = await issuer.issue(ACCOUNT, 'CUSTOMER', nowSeconds());
    await expect(verifier.authenticate([`Bearer ${token}`])).rejects.toMatchObject({ kind: 'UNAVAILABLE', code: 'AUTH.KEYS_UNAVAILABLE' });
  });
});

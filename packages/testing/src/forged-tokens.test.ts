import { describe, expect, it } from '@jest/globals';
import { DenyList, generateSigningKeyText, JwksCache, readSigningKey, TokenIssuer, TokenVerifier } from '@shop/identity';
import { newId } from '@shop/ids';
import { FORGED_TOKEN_NAMES, forgedTokens } from './forged-tokens.js';

// The verifier every process uses, against each forgery: all refused as UNAUTHENTICATED, while the real token passes.

async function setup() {
  const signingKey = generateSigningKeyText();
  const key = await readSigningKey(signingKey);
  const accountId = newId();
  const verifier = new TokenVerifier(new JwksCache(async () => ({ keys: [key.publicJwk] }), { cooldownMs: 0 }), new DenyList());
  return { verifier, accountId, forged: await forgedTokens(signingKey, accountId), valid: (await new TokenIssuer(key).issue(accountId, 'CUSTOMER', Math.floor(Date.now() / 1000))).token };
}

describe('forged tokens', () => {
  it('lets the real token through, as the customer it names', async () => {
    const { verifier, accountId, valid } = await setup();
    await expect(verifier.authenticate([`Bearer ${valid}`])).resolves.toMatchObject({ kind: 'customer', accountId });
  });

  it.each(FORGED_TOKEN_NAMES)('refuses a token that is %s', async (name) => {
    const { verifier, forged } = await setup();
    await expect(verifier.authenticate([`Bearer ${forged[name]}`])).rejects.toMatchObject({ kind: 'UNAUTHENTICATED', code: expect.stringMatching(/^AUTH\./) });
  });

  it('names an expired token as expired', async () => {
    const { verifier, forged } = await setup();
    await expect(verifier.authenticate([`Bearer ${forged.expired}`])).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
  });
});

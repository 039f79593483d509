import { newId } from '@shop/ids';
import { generateSigningKeyText, readSigningKey, TokenIssuer, type Jwks, type JwksSource, type Role } from '@shop/identity';

/** A signed-in test caller: its account id, its token, and the Authorization a client call forwards. */
export interface TestCaller {
  accountId: string;
  token: string;
  /** The CallContext of a client call made as this caller. */
  auth: { authorization: string };
}

/**
 * A signing key of the test's own, standing in for the account service's: services under test get its `jwks`
 * as their key source, and the test signs tokens for any account and role with `caller`.
 */
export interface TestIdentity {
  /** The private key, as JWT_PRIVATE_KEY takes it (for an account service that should sign with the same key). */
  privateKey: string;
  jwks: JwksSource;
  /** A fresh token for the account (a new id unless given), issued now. */
  caller(role: Role, accountId?: string): Promise<TestCaller>;
}

/** Makes a new test identity with a new Ed25519 key. */
export async function testIdentity(): Promise<TestIdentity> {
  const privateKey = generateSigningKeyText();
  const key = await readSigningKey(privateKey);
  const issuer = new TokenIssuer(key);
  const jwks: Jwks = { keys: [key.publicJwk] };
  return {
    privateKey,
    jwks: async () => jwks,
    caller: async (role, accountId = newId()) => {
      const { token } = await issuer.issue(accountId, role, Math.floor(Date.now() / 1000));
      return { accountId, token, auth: { authorization: `Bearer ${token}` } };
    },
  };
}

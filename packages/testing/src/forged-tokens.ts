import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { readSigningKey, TOKEN_AUDIENCE, TOKEN_ISSUER } from '@shop/identity';

/** The tokens an attacker (or a bug) could send, each of which every process of the shop must refuse. */
export const FORGED_TOKEN_NAMES = [
  'expired',
  'not yet valid',
  'nbf in the future',
  'alg none',
  'HMAC with the public key as secret',
  'signed by another key under our kid',
  'unknown kid',
  'tampered role claim',
  'wrong issuer',
  'wrong audience',
  'not an access token (typ)',
  'subject not an account id',
  'role not one of ours',
] as const;

/** One of FORGED_TOKEN_NAMES. */
export type ForgedTokenName = (typeof FORGED_TOKEN_NAMES)[number];

/**
 * Every forged token of ForgedTokenName for `accountId`, made with the shop's real signing key (JWT_PRIVATE_KEY's
 * text) where the forgery needs it, so only the named flaw is wrong. The account is a customer.
 */
export async function forgedTokens(signingKeyText: string, accountId: string): Promise<Record<ForgedTokenName, string>> {
  const key = await readSigningKey(signingKeyText);
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'EdDSA', kid: key.kid, typ: 'at+jwt' };
  const sign = (claims: Record<string, unknown>, options: { header?: Record<string, unknown>; privateKey?: typeof key.privateKey } = {}) =>
    new SignJWT({ sub: accountId, role: 'CUSTOMER', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, exp: now + 900, ...claims })
      .setProtectedHeader({ ...header, ...options.header } as { alg: string })
      .sign(options.privateKey ?? key.privateKey);
  const valid = await sign({});
  const [encodedHeader, , signature] = valid.split('.');
  const adminPayload = Buffer.from(JSON.stringify({ sub: accountId, role: 'ADMIN', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, exp: now + 900 })).toString('base64url');
  const publicPem = createPublicKey(key.privateKey).export({ format: 'pem', type: 'spki' });
  const other = generateKeyPairSync('ed25519').privateKey;
  return {
    expired: await sign({ iat: now - 3600, exp: now - 2700 }),
    'not yet valid': await sign({ iat: now + 3600, exp: now + 4500 }),
    'nbf in the future': await sign({ nbf: now + 3600 }),
    'alg none': new UnsecuredJWT({ sub: accountId, role: 'ADMIN', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, exp: now + 900 }).encode(),
    'HMAC with the public key as secret': await new SignJWT({ sub: accountId, role: 'ADMIN', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, exp: now + 900 })
      .setProtectedHeader({ alg: 'HS256', kid: key.kid, typ: 'at+jwt' })
      .sign(new TextEncoder().encode(String(publicPem))),
    'signed by another key under our kid': await sign({}, { privateKey: other }),
    'unknown kid': await sign({}, { header: { kid: 'not-a-key-of-ours' }, privateKey: other }),
    'tampered role claim': `${encodedHeader}.${adminPayload}.${signature}`,
    'wrong issuer': await sign({ iss: 'someone-else' }),
    'wrong audience': await sign({ aud: 'another-shop' }),
    'not an access token (typ)': await sign({}, { header: { typ: 'JWT' } }),
    'subject not an account id': await sign({ sub: 'admin' }),
    'role not one of ours': await sign({ role: 'SYSTEM' }),
  };
}

import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { TOKEN_ALGORITHM } from './token-claims.js';

/** One public key as the JWKS serves it (RFC 7517, OKP / Ed25519). */
export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: typeof TOKEN_ALGORITHM;
  use: 'sig';
}

/** The public keys that tokens may be signed with: what GET /.well-known/jwks.json and GetJwks answer. */
export interface Jwks {
  keys: PublicJwk[];
}

/** The private key the account service signs with, and its public half under its key id. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: PublicJwk;
}

/** Key text that cannot be read as an Ed25519 key; the message says what is expected, never the key itself. */
export class KeyFormatError extends Error {}

function readKey(text: string, kind: 'private' | 'public'): KeyObject {
  const trimmed = text.trim().replace(/\\n/g, '\n');
  try {
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as { d?: string };
      if (kind === 'private') return createPrivateKey({ key: jwk, format: 'jwk' });
      return createPublicKey({ key: { ...jwk, d: undefined }, format: 'jwk' });
    }
    return kind === 'private' ? createPrivateKey(trimmed) : createPublicKey(trimmed);
  } catch {
    throw new KeyFormatError(`not an Ed25519 ${kind} key: expected a PEM block or a JWK in JSON`);
  }
}

function ed25519(key: KeyObject, kind: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new KeyFormatError(`the ${kind} key is ${key.asymmetricKeyType ?? 'not asymmetric'}, not Ed25519`);
  return key;
}

/** The JWKS entry of a public key; its kid is the RFC 7638 thumbprint, so the same key always has the same id. */
export async function toPublicJwk(publicKey: KeyObject): Promise<PublicJwk> {
  const jwk = ed25519(publicKey, 'public').export({ format: 'jwk' }) as { x: string };
  const kid = await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x });
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid, alg: TOKEN_ALGORITHM, use: 'sig' };
}

/** A signing key from JWT_PRIVATE_KEY's text: a PKCS#8 PEM block or a private JWK (JSON). */
export async function readSigningKey(text: string): Promise<SigningKey> {
  const privateKey = ed25519(readKey(text, 'private'), 'private');
  const publicJwk = await toPublicJwk(createPublicKey(privateKey));
  return { kid: publicJwk.kid, privateKey, publicJwk };
}

/** A public key from its text (SPKI PEM, or a JWK, public or private), for a key still trusted after rotation. */
export async function readPublicKey(text: string): Promise<PublicJwk> {
  return toPublicJwk(readKey(text, 'public'));
}

/** A new Ed25519 private key as one line of JWK JSON, the form JWT_PRIVATE_KEY and the local key file take. */
export function generateSigningKeyText(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return JSON.stringify(privateKey.export({ format: 'jwk' }));
}

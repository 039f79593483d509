import { generateKeyPairSync } from 'node:crypto';
import { readEnvFile } from './env-file.js';

/**
 * Values for every variable .env.example leaves empty (the secrets a user may set: JWT_PRIVATE_KEY,
 * ADMIN_PASSWORD...), so the rehearsal can check that each app's config also accepts a .env that sets them.
 * A *_KEY gets a real Ed25519 key (one line of JWK JSON, as .env.example shows), anything else a password.
 */
export function filledInValues(envFile: string): Record<string, string> {
  const empty = Object.entries(readEnvFile(envFile)).filter(([, value]) => value === '');
  return Object.fromEntries(
    empty.map(([name]) => [name, /_KEY$/.test(name) ? JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })) : 'rehearsal-chosen-password']),
  );
}

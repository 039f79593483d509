import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readEnvFile } from './env-file.js';

/**
 * Values for every variable .env.example leaves empty (the secrets a user may set: JWT_PRIVATE_KEY,
 * ADMIN_PASSWORD...), so the rehearsal can check that each app's config also accepts a .env that sets them.
 * A *_KEY gets a real Ed25519 key (one line of JWK JSON, as .env.example shows), a *_SECRET 32 random bytes,
 * CORS_ORIGINS two origins, the trace sampler one that keeps one trace in ten, anything else a password.
 */
export function filledInValues(envFile: string): Record<string, string> {
  const empty = Object.entries(readEnvFile(envFile)).filter(([, value]) => value === '');
  return Object.fromEntries(empty.map(([name]) => [name, valueFor(name)]));
}

/** A value of the kind .env.example asks for: a key, a list of origins, a sampler, a random secret, or a password. */
function valueFor(name: string): string {
  if (/_KEY$/.test(name)) return JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }));
  if (name === 'CORS_ORIGINS') return 'https://shop.example.com,https://admin.example.com';
  // The sampling .env.example shows: one trace in ten.
  if (name === 'OTEL_TRACES_SAMPLER') return 'parentbased_traceidratio';
  if (name === 'OTEL_TRACES_SAMPLER_ARG') return '0.1';
  if (/_SECRET$/.test(name)) return randomBytes(32).toString('base64url');
  return 'rehearsal-chosen-password';
}

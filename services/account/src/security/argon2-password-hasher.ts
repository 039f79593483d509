import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../service/sign-in-ports.js';

// @node-rs/argon2's Algorithm is a const enum, which isolated modules cannot read; Argon2id is its 2.
const ARGON2ID = 2;

/**
 * OWASP's first recommended argon2id setting: 19 MiB of memory, 2 passes, 1 lane (about 12 ms per hash on the
 * 2-core machines this was measured on; see the README's figures).
 */
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** PasswordHasher with argon2id (@node-rs/argon2: prebuilt binaries, hashing off the event loop). */
export class Argon2PasswordHasher implements PasswordHasher {
  // Checked against when there is no hash, so an unknown email costs what a wrong password does.
  private readonly decoy: Promise<string> = hash(randomBytes(32).toString('base64'), ARGON2_OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(stored: string | undefined, password: string): Promise<boolean> {
    if (stored === undefined) {
      await verify(await this.decoy, password);
      return false;
    }
    try {
      return await verify(stored, password);
    } catch {
      // A hash this library cannot read signs nobody in.
      return false;
    }
  }
}

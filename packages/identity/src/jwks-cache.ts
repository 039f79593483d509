import { createPublicKey, type KeyObject } from 'node:crypto';
import { InvalidTokenError, KeysUnavailableError } from './identity-errors.js';
import type { Jwks } from './signing-keys.js';

/** Where the public keys come from: the account service's GetJwks over gRPC, or its own keys in process. */
export type JwksSource = () => Promise<Jwks>;

/** How often the cache may go back to its source. */
export interface JwksCacheOptions {
  /** A kid it does not know refetches at most this often, so forged kids cannot flood the account service. */
  cooldownMs?: number;
  /** Keys are refetched after this long even when every kid is known, so a retired key stops working. */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * The public keys tokens are checked against, fetched once and kept; an unknown `kid` refetches (a key was
 * rotated in), at most once per cooldown. While the source fails, the keys already known keep working.
 */
export class JwksCache {
  private keys = new Map<string, KeyObject>();
  private current: Jwks = { keys: [] };
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | undefined;
  private readonly cooldownMs: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly source: JwksSource,
    options: JwksCacheOptions = {},
  ) {
    this.cooldownMs = options.cooldownMs ?? 5_000;
    this.maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The key with this id; InvalidTokenError when no key has it, KeysUnavailableError when none can be fetched. */
  async key(kid: string): Promise<KeyObject> {
    const stale = this.now() - this.fetchedAt > this.maxAgeMs;
    if (stale || (!this.keys.has(kid) && this.now() - this.fetchedAt >= this.cooldownMs)) await this.refresh();
    const key = this.keys.get(kid);
    if (key) return key;
    if (this.keys.size === 0) throw new KeysUnavailableError();
    throw new InvalidTokenError('the access token is signed with an unknown key');
  }

  /** The public keys as last fetched (fetching them first if none are known): what the gateway serves as its JWKS. */
  async jwks(): Promise<Jwks> {
    if (this.keys.size === 0 || this.now() - this.fetchedAt > this.maxAgeMs) await this.refresh();
    if (this.keys.size === 0) throw new KeysUnavailableError();
    return this.current;
  }

  private refresh(): Promise<void> {
    this.inFlight ??= this.fetch().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async fetch(): Promise<void> {
    try {
      const jwks = await this.source();
      const keys = new Map<string, KeyObject>();
      for (const jwk of jwks.keys) {
        if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.kid !== 'string') continue;
        keys.set(jwk.kid, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' }));
      }
      this.keys = keys;
      this.current = { keys: jwks.keys.filter((jwk) => keys.has(jwk.kid)) };
      this.fetchedAt = this.now();
    } catch {
      // Keep what is known; try again on the next unknown kid after the cooldown.
      this.fetchedAt = Math.max(this.fetchedAt, this.now() - this.maxAgeMs + this.cooldownMs);
    }
  }
}

import { ACCESS_TOKEN_TTL_SECONDS, CLOCK_TOLERANCE_SECONDS } from './token-claims.js';

/** One revocation: tokens of the account issued before `notBefore` (whole seconds) no longer work. */
export interface Revocation {
  accountId: string;
  /** Whole seconds; Infinity when the account is gone, so no token of it works. */
  notBefore: number;
  /** When it happened (ms); after one token lifetime every token it refuses has expired anyway. */
  at: number;
}

/**
 * The small in-memory list of revoked accounts every process keeps, fed by the account service's revocation
 * events. An entry lives one token lifetime (plus clock tolerance), since every token it refuses expires within
 * that time, so the list stays as small as the revocations of the last 15 minutes.
 */
export class DenyList {
  private readonly entries = new Map<string, { notBefore: number; until: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly lifetimeMs: number = (ACCESS_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS) * 1000,
  ) {}

  /** Applies a revocation; applying it again, or an older one, changes nothing. */
  add(revocation: Revocation): void {
    const until = revocation.at + this.lifetimeMs;
    if (until <= this.now()) return;
    const existing = this.entries.get(revocation.accountId);
    if (!existing || revocation.notBefore > existing.notBefore) {
      this.entries.set(revocation.accountId, { notBefore: revocation.notBefore, until: Math.max(until, existing?.until ?? 0) });
    }
    this.prune();
  }

  /** True when a token of the account issued at `issuedAt` (whole seconds) was revoked. */
  isRevoked(accountId: string, issuedAt: number): boolean {
    const entry = this.entries.get(accountId);
    if (!entry) return false;
    if (entry.until <= this.now()) {
      this.entries.delete(accountId);
      return false;
    }
    return issuedAt < entry.notBefore;
  }

  /** How many accounts are listed now. */
  get size(): number {
    this.prune();
    return this.entries.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [accountId, entry] of this.entries) if (entry.until <= now) this.entries.delete(accountId);
  }
}

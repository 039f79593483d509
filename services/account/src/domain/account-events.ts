import type { AggregateEventCodec, HistoryEntry } from '@shop/events';
import type { Account } from './account.js';

/**
 * What happened to an account; the repositories write each one to the outbox in the same transaction as the
 * change. The last three revoke tokens: every process refuses the account's tokens issued before
 * `tokensNotBefore` (whole seconds) once the event reaches it.
 */
export type AccountEvent =
  | { kind: 'created'; account: Account }
  | { kind: 'updated'; account: Account; changedFields: string[] }
  | { kind: 'deleted'; accountId: string }
  | { kind: 'roleChanged'; account: Account; tokensNotBefore: number }
  | { kind: 'passwordChanged'; accountId: string; tokensNotBefore: number }
  | { kind: 'sessionsRevoked'; accountId: string; tokensNotBefore: number; reason: string };

/** One change in an account's history, as the outbox keeps it (also after the account is deleted). */
export type AccountHistoryEntry = HistoryEntry;

/** Account events <-> outbox envelopes; implemented at the wire edge (src/events/), used by the repositories. */
export type AccountEventCodec = AggregateEventCodec<AccountEvent>;

/** The fields a client can change that differ between two states of an account, in a stable order. */
export function changedFields(before: Account, after: Account): string[] {
  return (['name', 'email'] as const).filter((field) => before[field] !== after[field]);
}

/**
 * The `tokensNotBefore` of a revocation made at `now`: the next whole second, so every token issued until now
 * is older, and always past the previous revocation's, so a token issued after that one is refused too.
 */
export function nextTokensNotBefore(now: Date, previous: number): number {
  return Math.max(Math.floor(now.getTime() / 1000) + 1, previous + 1);
}

/** The `iat` of a token issued at `now`: never before the account's last revocation, or it would be refused at once. */
export function tokenIssuedAt(now: Date, tokensNotBefore: number): number {
  return Math.max(Math.floor(now.getTime() / 1000), tokensNotBefore);
}

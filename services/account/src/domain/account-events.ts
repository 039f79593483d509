import type { AggregateEventCodec, HistoryEntry } from '@shop/events';
import type { Account } from './account.js';

/** What happened to an account; the repository writes each one to the outbox in the same transaction as the change. */
export type AccountEvent =
  | { kind: 'created'; account: Account }
  | { kind: 'updated'; account: Account; changedFields: string[] }
  | { kind: 'deleted'; accountId: string };

/** One change in an account's history, as the outbox keeps it (also after the account is deleted). */
export type AccountHistoryEntry = HistoryEntry;

/** Account events <-> outbox envelopes; implemented at the wire edge (src/events/), used by the repositories. */
export type AccountEventCodec = AggregateEventCodec<AccountEvent>;

/** The fields a client can change that differ between two states of an account, in a stable order. */
export function changedFields(before: Account, after: Account): string[] {
  return (['name', 'email'] as const).filter((field) => before[field] !== after[field]);
}

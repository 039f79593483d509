import type { Envelope } from '@shop/events';
import type { AccountEvent, AccountHistoryEntry } from '../domain/account-events.js';

/**
 * What the repositories need to turn account events into outbox envelopes and back into history entries.
 * The wire format lives in src/events/; the composition root hands it in.
 */
export interface AccountEventCodec {
  /** The envelopes of `events`, numbered from `firstVersion` of the account's history. */
  toEnvelopes(events: readonly AccountEvent[], firstVersion: number, occurredAt: Date): Envelope[];
  toHistoryEntry(envelope: Envelope): AccountHistoryEntry;
}

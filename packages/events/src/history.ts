import type { Envelope } from './envelope.js';
import type { EventRegistry } from './event-registry.js';
import { toEnvelope, type NewEvent } from './new-event.js';

/** Who caused a change: the calling account's id, or null for the system (work started by events). */
export type Actor = string | null;

/** One change of a record as its history shows it: read from the outbox, so it outlives the record. */
export interface HistoryEntry {
  eventId: string;
  /** Fully qualified event message name, e.g. "shop.account.v1.AccountUpdated". */
  eventType: string;
  version: number;
  occurredAt: Date;
  /** The fields the event set or changed; empty for a deletion. */
  changedFields: string[];
  /** Who made the change: an account id, or null for the system. */
  actor: string | null;
}

/** Which part of a history a read returns: up to `limit` entries with a version above `afterVersion`, oldest first. */
export interface HistoryRange {
  afterVersion: number;
  limit: number;
}

/** The range of a history page when the caller asks for none: the first 50 entries (API.md's default `first`). */
export const FIRST_HISTORY_PAGE: HistoryRange = Object.freeze({ afterVersion: 0, limit: 50 });

/** The part of a whole history (oldest first) that `range` asks for: what in-memory stores answer a paged read with. */
export function historyInRange<T extends { version: number }>(entries: readonly T[], range: HistoryRange): T[] {
  return entries.filter((entry) => entry.version > range.afterVersion).slice(0, range.limit);
}

/** The history entry of an outbox envelope, given the fields its event changed. */
export function historyEntryOf(envelope: Envelope, changedFields: string[]): HistoryEntry {
  return {
    eventId: envelope.eventId,
    eventType: envelope.eventType,
    version: envelope.aggregateVersion,
    occurredAt: envelope.occurredAt,
    changedFields,
    actor: envelope.actor,
  };
}

/**
 * What a repository needs to turn its aggregate's domain events into outbox envelopes and back into history
 * entries. Each service implements it at its wire edge (src/events/); the composition root hands it in.
 */
export interface AggregateEventCodec<E> {
  /** The envelopes of `events` caused by `actor` (null: the system), numbered from `firstVersion` of the aggregate's history. */
  toEnvelopes(events: readonly E[], firstVersion: number, occurredAt: Date, actor: string | null): Envelope[];
  toHistoryEntry(envelope: Envelope): HistoryEntry;
}

/**
 * An AggregateEventCodec from the two things that differ per aggregate: how a domain event becomes an event
 * message, and which fields an envelope's event changed.
 */
export function aggregateEventCodec<E>(
  registry: EventRegistry,
  toNewEvent: (event: E) => NewEvent,
  changedFieldsOf: (envelope: Envelope) => string[],
): AggregateEventCodec<E> {
  return {
    toEnvelopes: (events, firstVersion, occurredAt, actor) =>
      events.map((event, index) => toEnvelope(registry, toNewEvent(event), firstVersion + index, occurredAt, actor)),
    toHistoryEntry: (envelope) => historyEntryOf(envelope, changedFieldsOf(envelope)),
  };
}

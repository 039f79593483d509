import type { HistoryEntry as HistoryEntryProto, HistoryEntry__Output } from '../generated/shop/events/v1/HistoryEntry.js';
import { fromTimestamp, toTimestamp } from './timestamp.js';

/** The plain shape of a history entry (HistoryEntry of @shop/events), restated so this package needs no dependency on it. */
export interface HistoryEntryValue {
  eventId: string;
  eventType: string;
  version: number;
  occurredAt: Date;
  changedFields: string[];
  /** Who made the change: an account id, or null for the system. */
  actor: string | null;
}

/** History entry -> shop.events.v1.HistoryEntry, for every service's ListHistory. */
export function toHistoryEntryProto(entry: HistoryEntryValue): HistoryEntryProto {
  return { eventId: entry.eventId, eventType: entry.eventType, version: String(entry.version), occurredAt: toTimestamp(entry.occurredAt), changedFields: entry.changedFields, actor: entry.actor ?? '' };
}

/** shop.events.v1.HistoryEntry -> history entry, for every service's client. */
export function fromHistoryEntryProto(entry: HistoryEntry__Output): HistoryEntryValue {
  return { eventId: entry.eventId, eventType: entry.eventType, version: Number(entry.version), occurredAt: fromTimestamp(entry.occurredAt), changedFields: entry.changedFields, actor: entry.actor || null };
}

// Original file: shop/events/v1/history.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One change of a record, read from its service's outbox (which is never emptied), so a record's history
 * outlives the record.
 */
export interface HistoryEntry {
  'eventId'?: (string);
  /**
   * Fully qualified event message name, e.g. "shop.account.v1.AccountUpdated".
   */
  'eventType'?: (string);
  'version'?: (number | string | Long);
  'occurredAt'?: (_google_protobuf_Timestamp | null);
  /**
   * The fields the event set or changed; empty for a deletion.
   */
  'changedFields'?: (string)[];
  /**
   * Who made the change: an account id, or empty for the system.
   */
  'actor'?: (string);
}

/**
 * One change of a record, read from its service's outbox (which is never emptied), so a record's history
 * outlives the record.
 */
export interface HistoryEntry__Output {
  'eventId': (string);
  /**
   * Fully qualified event message name, e.g. "shop.account.v1.AccountUpdated".
   */
  'eventType': (string);
  'version': (string);
  'occurredAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * The fields the event set or changed; empty for a deletion.
   */
  'changedFields': (string)[];
  /**
   * Who made the change: an account id, or empty for the system.
   */
  'actor': (string);
}

// Original file: shop/events/v1/history.proto

import type { HistoryEntry as _shop_events_v1_HistoryEntry, HistoryEntry__Output as _shop_events_v1_HistoryEntry__Output } from '../../../shop/events/v1/HistoryEntry.js';

export interface ListHistoryResponse {
  /**
   * Oldest first.
   */
  'entries'?: (_shop_events_v1_HistoryEntry)[];
}

export interface ListHistoryResponse__Output {
  /**
   * Oldest first.
   */
  'entries': (_shop_events_v1_HistoryEntry__Output)[];
}

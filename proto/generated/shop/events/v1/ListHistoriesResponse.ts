// Original file: shop/events/v1/history.proto

import type { ListHistoryResponse as _shop_events_v1_ListHistoryResponse, ListHistoryResponse__Output as _shop_events_v1_ListHistoryResponse__Output } from '../../../shop/events/v1/ListHistoryResponse.js';

export interface ListHistoriesResponse {
  /**
   * In the order of aggregate_ids; an id that never existed (or that the caller may not see) has no entries.
   */
  'histories'?: (_shop_events_v1_ListHistoryResponse)[];
}

export interface ListHistoriesResponse__Output {
  /**
   * In the order of aggregate_ids; an id that never existed (or that the caller may not see) has no entries.
   */
  'histories': (_shop_events_v1_ListHistoryResponse__Output)[];
}

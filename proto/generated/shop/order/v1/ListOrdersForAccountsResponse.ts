// Original file: shop/order/v1/order.proto

import type { ListOrdersResponse as _shop_order_v1_ListOrdersResponse, ListOrdersResponse__Output as _shop_order_v1_ListOrdersResponse__Output } from '../../../shop/order/v1/ListOrdersResponse.js';

export interface ListOrdersForAccountsResponse {
  /**
   * One response per request, in the same order.
   */
  'responses'?: (_shop_order_v1_ListOrdersResponse)[];
}

export interface ListOrdersForAccountsResponse__Output {
  /**
   * One response per request, in the same order.
   */
  'responses': (_shop_order_v1_ListOrdersResponse__Output)[];
}

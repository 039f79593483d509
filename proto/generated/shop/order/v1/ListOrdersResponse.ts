// Original file: shop/order/v1/order.proto

import type { Order as _shop_order_v1_Order, Order__Output as _shop_order_v1_Order__Output } from '../../../shop/order/v1/Order.js';

export interface ListOrdersResponse {
  'orders'?: (_shop_order_v1_Order)[];
  /**
   * Empty when there is no next page.
   */
  'nextPageToken'?: (string);
}

export interface ListOrdersResponse__Output {
  'orders': (_shop_order_v1_Order__Output)[];
  /**
   * Empty when there is no next page.
   */
  'nextPageToken': (string);
}

// Original file: shop/order/v1/events.proto

import type { Order as _shop_order_v1_Order, Order__Output as _shop_order_v1_Order__Output } from '../../../shop/order/v1/Order.js';

export interface OrderCreated {
  /**
   * The order as placed (PENDING), with its lines.
   */
  'order'?: (_shop_order_v1_Order | null);
}

export interface OrderCreated__Output {
  /**
   * The order as placed (PENDING), with its lines.
   */
  'order': (_shop_order_v1_Order__Output | null);
}

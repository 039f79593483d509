// Original file: shop/order/v1/order.proto

import type { Order as _shop_order_v1_Order, Order__Output as _shop_order_v1_Order__Output } from '../../../shop/order/v1/Order.js';

export interface GetOrderResponse {
  'order'?: (_shop_order_v1_Order | null);
}

export interface GetOrderResponse__Output {
  'order': (_shop_order_v1_Order__Output | null);
}

// Original file: shop/order/v1/order.proto

import type { Order as _shop_order_v1_Order, Order__Output as _shop_order_v1_Order__Output } from '../../../shop/order/v1/Order.js';

export interface GetOrdersResponse {
  'orders'?: (_shop_order_v1_Order)[];
}

export interface GetOrdersResponse__Output {
  'orders': (_shop_order_v1_Order__Output)[];
}

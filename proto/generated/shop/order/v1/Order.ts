// Original file: shop/order/v1/order.proto

import type { OrderStatus as _shop_order_v1_OrderStatus, OrderStatus__Output as _shop_order_v1_OrderStatus__Output } from '../../../shop/order/v1/OrderStatus.js';
import type { OrderItem as _shop_order_v1_OrderItem, OrderItem__Output as _shop_order_v1_OrderItem__Output } from '../../../shop/order/v1/OrderItem.js';
import type { Money as _shop_common_v1_Money, Money__Output as _shop_common_v1_Money__Output } from '../../../shop/common/v1/Money.js';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp.js';

export interface Order {
  'id'?: (string);
  'accountId'?: (string);
  'status'?: (_shop_order_v1_OrderStatus);
  'items'?: (_shop_order_v1_OrderItem)[];
  'total'?: (_shop_common_v1_Money | null);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

export interface Order__Output {
  'id': (string);
  'accountId': (string);
  'status': (_shop_order_v1_OrderStatus__Output);
  'items': (_shop_order_v1_OrderItem__Output)[];
  'total': (_shop_common_v1_Money__Output | null);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}

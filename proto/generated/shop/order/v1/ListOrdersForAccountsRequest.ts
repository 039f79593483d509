// Original file: shop/order/v1/order.proto

import type { ListOrdersRequest as _shop_order_v1_ListOrdersRequest, ListOrdersRequest__Output as _shop_order_v1_ListOrdersRequest__Output } from '../../../shop/order/v1/ListOrdersRequest.js';

export interface ListOrdersForAccountsRequest {
  'requests'?: (_shop_order_v1_ListOrdersRequest)[];
}

export interface ListOrdersForAccountsRequest__Output {
  'requests': (_shop_order_v1_ListOrdersRequest__Output)[];
}

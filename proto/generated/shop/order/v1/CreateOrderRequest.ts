// Original file: shop/order/v1/order.proto


export interface _shop_order_v1_CreateOrderRequest_Item {
  'productId'?: (string);
  'quantity'?: (number);
}

export interface _shop_order_v1_CreateOrderRequest_Item__Output {
  'productId': (string);
  'quantity': (number);
}

export interface CreateOrderRequest {
  'accountId'?: (string);
  'items'?: (_shop_order_v1_CreateOrderRequest_Item)[];
}

export interface CreateOrderRequest__Output {
  'accountId': (string);
  'items': (_shop_order_v1_CreateOrderRequest_Item__Output)[];
}

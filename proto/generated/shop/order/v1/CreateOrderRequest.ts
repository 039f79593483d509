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
  /**
   * Empty: the caller's own account.
   */
  'accountId'?: (string);
  'items'?: (_shop_order_v1_CreateOrderRequest_Item)[];
  /**
   * 1..100 characters, or empty for none. The same key from the same account within 24 hours answers the first
   * order and creates nothing; the same key with other items is ALREADY_EXISTS. Makes retries safe.
   */
  'idempotencyKey'?: (string);
}

export interface CreateOrderRequest__Output {
  /**
   * Empty: the caller's own account.
   */
  'accountId': (string);
  'items': (_shop_order_v1_CreateOrderRequest_Item__Output)[];
  /**
   * 1..100 characters, or empty for none. The same key from the same account within 24 hours answers the first
   * order and creates nothing; the same key with other items is ALREADY_EXISTS. Makes retries safe.
   */
  'idempotencyKey': (string);
}

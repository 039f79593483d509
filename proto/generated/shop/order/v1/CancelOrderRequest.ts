// Original file: shop/order/v1/order.proto


export interface CancelOrderRequest {
  'id'?: (string);
}

export interface CancelOrderRequest__Output {
  'id': (string);
}

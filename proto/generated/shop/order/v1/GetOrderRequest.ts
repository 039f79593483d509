// Original file: shop/order/v1/order.proto


export interface GetOrderRequest {
  'id'?: (string);
}

export interface GetOrderRequest__Output {
  'id': (string);
}

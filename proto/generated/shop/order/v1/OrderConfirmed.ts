// Original file: shop/order/v1/events.proto


export interface OrderConfirmed {
  'orderId'?: (string);
}

export interface OrderConfirmed__Output {
  'orderId': (string);
}

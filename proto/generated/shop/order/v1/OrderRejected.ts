// Original file: shop/order/v1/events.proto


export interface OrderRejected {
  'orderId'?: (string);
  'reason'?: (string);
}

export interface OrderRejected__Output {
  'orderId': (string);
  'reason': (string);
}

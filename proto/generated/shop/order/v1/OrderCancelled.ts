// Original file: shop/order/v1/events.proto


export interface OrderCancelled {
  'orderId'?: (string);
  /**
   * Whether stock had been reserved for it (it was CONFIRMED), so the catalog releases it.
   */
  'stockReserved'?: (boolean);
}

export interface OrderCancelled__Output {
  'orderId': (string);
  /**
   * Whether stock had been reserved for it (it was CONFIRMED), so the catalog releases it.
   */
  'stockReserved': (boolean);
}

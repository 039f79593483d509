// Original file: shop/catalog/v1/events.proto


/**
 * One product line of a reservation.
 */
export interface StockLine {
  'productId'?: (string);
  'quantity'?: (number);
}

/**
 * One product line of a reservation.
 */
export interface StockLine__Output {
  'productId': (string);
  'quantity': (number);
}

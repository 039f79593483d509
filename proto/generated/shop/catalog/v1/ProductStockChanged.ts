// Original file: shop/catalog/v1/events.proto


/**
 * The stock saga took (a reservation) or gave back (a release) some of the product's stock: only what changed, not
 * the whole product. Its version is the envelope's aggregate_version; history shows it as a change of "stock".
 */
export interface ProductStockChanged {
  'productId'?: (string);
  /**
   * The stock after the change.
   */
  'stock'?: (number);
}

/**
 * The stock saga took (a reservation) or gave back (a release) some of the product's stock: only what changed, not
 * the whole product. Its version is the envelope's aggregate_version; history shows it as a change of "stock".
 */
export interface ProductStockChanged__Output {
  'productId': (string);
  /**
   * The stock after the change.
   */
  'stock': (number);
}

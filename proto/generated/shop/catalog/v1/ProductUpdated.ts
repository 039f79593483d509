// Original file: shop/catalog/v1/events.proto

import type { Product as _shop_catalog_v1_Product, Product__Output as _shop_catalog_v1_Product__Output } from '../../../shop/catalog/v1/Product.js';

export interface ProductUpdated {
  /**
   * The product after the change (stock included).
   */
  'product'?: (_shop_catalog_v1_Product | null);
  'changedFields'?: (string)[];
}

export interface ProductUpdated__Output {
  /**
   * The product after the change (stock included).
   */
  'product': (_shop_catalog_v1_Product__Output | null);
  'changedFields': (string)[];
}

// Original file: shop/catalog/v1/catalog.proto

import type { Product as _shop_catalog_v1_Product, Product__Output as _shop_catalog_v1_Product__Output } from '../../../shop/catalog/v1/Product.js';

export interface ListProductsResponse {
  'products'?: (_shop_catalog_v1_Product)[];
  /**
   * Empty when there is no next page.
   */
  'nextPageToken'?: (string);
}

export interface ListProductsResponse__Output {
  'products': (_shop_catalog_v1_Product__Output)[];
  /**
   * Empty when there is no next page.
   */
  'nextPageToken': (string);
}

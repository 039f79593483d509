// Original file: shop/catalog/v1/catalog.proto

import type { Product as _shop_catalog_v1_Product, Product__Output as _shop_catalog_v1_Product__Output } from '../../../shop/catalog/v1/Product.js';

export interface GetProductResponse {
  'product'?: (_shop_catalog_v1_Product | null);
}

export interface GetProductResponse__Output {
  'product': (_shop_catalog_v1_Product__Output | null);
}

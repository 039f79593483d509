// Original file: shop/catalog/v1/events.proto

import type { Product as _shop_catalog_v1_Product, Product__Output as _shop_catalog_v1_Product__Output } from '../../../shop/catalog/v1/Product.js';

export interface ProductCreated {
  'product'?: (_shop_catalog_v1_Product | null);
}

export interface ProductCreated__Output {
  'product': (_shop_catalog_v1_Product__Output | null);
}

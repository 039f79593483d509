// Original file: shop/catalog/v1/catalog.proto

import type { Product as _shop_catalog_v1_Product, Product__Output as _shop_catalog_v1_Product__Output } from '../../../shop/catalog/v1/Product.js';

export interface SearchProductsResponse {
  'products'?: (_shop_catalog_v1_Product)[];
  'nextPageToken'?: (string);
}

export interface SearchProductsResponse__Output {
  'products': (_shop_catalog_v1_Product__Output)[];
  'nextPageToken': (string);
}

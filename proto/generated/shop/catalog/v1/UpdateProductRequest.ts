// Original file: shop/catalog/v1/catalog.proto

import type { Money as _shop_common_v1_Money, Money__Output as _shop_common_v1_Money__Output } from '../../../shop/common/v1/Money.js';

export interface UpdateProductRequest {
  'id'?: (string);
  'name'?: (string);
  'description'?: (string);
  'price'?: (_shop_common_v1_Money | null);
  'stock'?: (number);
  '_name'?: "name";
  '_description'?: "description";
  '_price'?: "price";
  '_stock'?: "stock";
}

export interface UpdateProductRequest__Output {
  'id': (string);
  'name'?: (string);
  'description'?: (string);
  'price'?: (_shop_common_v1_Money__Output | null);
  'stock'?: (number);
  '_name'?: "name";
  '_description'?: "description";
  '_price'?: "price";
  '_stock'?: "stock";
}

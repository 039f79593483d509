// Original file: shop/catalog/v1/catalog.proto

import type { Money as _shop_common_v1_Money, Money__Output as _shop_common_v1_Money__Output } from '../../../shop/common/v1/Money.js';

export interface CreateProductRequest {
  'name'?: (string);
  'description'?: (string);
  'price'?: (_shop_common_v1_Money | null);
  'stock'?: (number);
}

export interface CreateProductRequest__Output {
  'name': (string);
  'description': (string);
  'price': (_shop_common_v1_Money__Output | null);
  'stock': (number);
}

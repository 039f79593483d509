// Original file: shop/catalog/v1/catalog.proto

import type { Money as _shop_common_v1_Money, Money__Output as _shop_common_v1_Money__Output } from '../../../shop/common/v1/Money.js';

export interface UpdateProductRequest {
  'id'?: (string);
  'name'?: (string);
  'description'?: (string);
  'price'?: (_shop_common_v1_Money | null);
  'stock'?: (number);
  /**
   * The stock the caller read before choosing `stock`: when set and the stock has changed since (an order
   * reserved some meanwhile), the update is ALREADY_EXISTS on stock and changes nothing.
   */
  'expectedStock'?: (number);
  '_name'?: "name";
  '_description'?: "description";
  '_price'?: "price";
  '_stock'?: "stock";
  '_expectedStock'?: "expectedStock";
}

export interface UpdateProductRequest__Output {
  'id': (string);
  'name'?: (string);
  'description'?: (string);
  'price'?: (_shop_common_v1_Money__Output | null);
  'stock'?: (number);
  /**
   * The stock the caller read before choosing `stock`: when set and the stock has changed since (an order
   * reserved some meanwhile), the update is ALREADY_EXISTS on stock and changes nothing.
   */
  'expectedStock'?: (number);
  '_name'?: "name";
  '_description'?: "description";
  '_price'?: "price";
  '_stock'?: "stock";
  '_expectedStock'?: "expectedStock";
}

// Original file: shop/order/v1/order.proto

import type { Money as _shop_common_v1_Money, Money__Output as _shop_common_v1_Money__Output } from '../../../shop/common/v1/Money.js';

export interface OrderItem {
  'productId'?: (string);
  /**
   * Snapshot of the product's name at order time.
   */
  'productName'?: (string);
  /**
   * Snapshot of the product's price at order time.
   */
  'unitPrice'?: (_shop_common_v1_Money | null);
  'quantity'?: (number);
  'subtotal'?: (_shop_common_v1_Money | null);
}

export interface OrderItem__Output {
  'productId': (string);
  /**
   * Snapshot of the product's name at order time.
   */
  'productName': (string);
  /**
   * Snapshot of the product's price at order time.
   */
  'unitPrice': (_shop_common_v1_Money__Output | null);
  'quantity': (number);
  'subtotal': (_shop_common_v1_Money__Output | null);
}

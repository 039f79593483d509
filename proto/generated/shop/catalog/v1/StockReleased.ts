// Original file: shop/catalog/v1/events.proto

import type { StockLine as _shop_catalog_v1_StockLine, StockLine__Output as _shop_catalog_v1_StockLine__Output } from '../../../shop/catalog/v1/StockLine.js';

/**
 * The reserved stock of a cancelled order went back on the shelf.
 */
export interface StockReleased {
  'orderId'?: (string);
  'lines'?: (_shop_catalog_v1_StockLine)[];
}

/**
 * The reserved stock of a cancelled order went back on the shelf.
 */
export interface StockReleased__Output {
  'orderId': (string);
  'lines': (_shop_catalog_v1_StockLine__Output)[];
}

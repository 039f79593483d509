// Original file: shop/catalog/v1/events.proto

import type { StockLine as _shop_catalog_v1_StockLine, StockLine__Output as _shop_catalog_v1_StockLine__Output } from '../../../shop/catalog/v1/StockLine.js';

/**
 * Aggregate "stock_reservation", id = the order id: all lines were reserved in one transaction.
 */
export interface StockReserved {
  'orderId'?: (string);
  'lines'?: (_shop_catalog_v1_StockLine)[];
}

/**
 * Aggregate "stock_reservation", id = the order id: all lines were reserved in one transaction.
 */
export interface StockReserved__Output {
  'orderId': (string);
  'lines': (_shop_catalog_v1_StockLine__Output)[];
}

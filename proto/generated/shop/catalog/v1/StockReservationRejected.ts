// Original file: shop/catalog/v1/events.proto

import type { StockLine as _shop_catalog_v1_StockLine, StockLine__Output as _shop_catalog_v1_StockLine__Output } from '../../../shop/catalog/v1/StockLine.js';

/**
 * Nothing was reserved: at least one product was short or gone.
 */
export interface StockReservationRejected {
  'orderId'?: (string);
  'lines'?: (_shop_catalog_v1_StockLine)[];
  'reason'?: (string);
}

/**
 * Nothing was reserved: at least one product was short or gone.
 */
export interface StockReservationRejected__Output {
  'orderId': (string);
  'lines': (_shop_catalog_v1_StockLine__Output)[];
  'reason': (string);
}

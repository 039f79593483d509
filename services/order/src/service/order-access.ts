import { access, type AccessTable } from '@shop/hooks';
import type { OrderOperation } from './order-operations.js';

/**
 * Who may call each order operation: API.md's "Identity and access" table, row for row. A customer sees and
 * places only its own orders; another account's order answers as if it did not exist. The service enforces it
 * as the first before-hook of every use case, and the matrix tests are generated from it.
 */
export const ORDER_ACCESS: AccessTable<OrderOperation> = {
  //                                anonymous          customer  admin
  createOrder:             access('UNAUTHENTICATED', 'own',    'yes'),
  getOrder:                access('UNAUTHENTICATED', 'own',    'yes'),
  getOrders:               access('UNAUTHENTICATED', 'own',    'yes'),
  listOrders:              access('UNAUTHENTICATED', 'own',    'yes'),
  listOrdersForAccounts:   access('UNAUTHENTICATED', 'own',    'yes'),
  cancelOrder:             access('UNAUTHENTICATED', 'own',    'yes'),
  listHistory:             access('UNAUTHENTICATED', 'own',    'yes'),
  listHistories:           access('UNAUTHENTICATED', 'own',    'yes'),
};

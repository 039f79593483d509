import { Order, type OrderStatus } from '../domain/order.js';

/** An orders table row. Private to the repository. */
export interface OrderRow {
  id: string;
  account_id: string;
  status: OrderStatus;
  created_at: Date;
  updated_at: Date;
}

/** An order_items table row; pg returns bigint columns as strings. */
export interface OrderItemRow {
  order_id: string;
  position: number;
  product_id: string;
  product_name: string;
  unit_price_minor: string;
  currency_code: string;
  quantity: number;
}

/** The column lists every query selects, in the row types' shapes. */
export const ORDER_COLUMNS = 'id, account_id, status, created_at, updated_at';
export const ORDER_ITEM_COLUMNS = 'order_id, position, product_id, product_name, unit_price_minor, currency_code, quantity';

/** Rows -> domain, through the loading path that does not re-run creation rules. `items` must be this order's, by position. */
export function toDomain(row: OrderRow, items: readonly OrderItemRow[]): Order {
  return Order.fromStorage({
    id: row.id,
    accountId: row.account_id,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lines: items.map((item) => ({
      productId: item.product_id,
      productName: item.product_name,
      unitPrice: { amountMinor: BigInt(item.unit_price_minor), currencyCode: item.currency_code },
      quantity: item.quantity,
    })),
  });
}

/** Domain -> rows. */
export function toRows(order: Order): { order: OrderRow; items: OrderItemRow[] } {
  const state = order.toState();
  return {
    order: { id: state.id, account_id: state.accountId, status: state.status, created_at: state.createdAt, updated_at: state.updatedAt },
    items: state.lines.map((line, position) => ({
      order_id: state.id,
      position,
      product_id: line.productId,
      product_name: line.productName,
      unit_price_minor: line.unitPrice.amountMinor.toString(),
      currency_code: line.unitPrice.currencyCode,
      quantity: line.quantity,
    })),
  };
}

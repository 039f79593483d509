import { ValidationError } from '@shop/errors';
import { parseId } from '@shop/ids';
import { OrderErrorCode } from './order-errors.js';

/** The most distinct products one order may hold. */
export const MAX_ORDER_LINES = 100;
/** The largest quantity of one product in one order. */
export const MAX_QUANTITY = 1_000;

/** A request to order, after its shape has been checked: UUIDs lower-cased, quantities in range, no product twice. */
export interface OrderRequest {
  accountId: string;
  items: { productId: string; quantity: number }[];
}

/**
 * Checks what can be checked without asking other services, so a bad request never costs a call.
 * Duplicate product lines are refused (not merged): a client that sends the same product twice has a bug
 * worth telling it about, and merging could silently exceed the quantity limit.
 */
export function parseOrderRequest(input: { accountId: string; items: { productId: string; quantity: number }[] }): OrderRequest {
  const accountId = parseId(input.accountId, 'accountId', OrderErrorCode.invalidId);
  if (input.items.length === 0) throw new ValidationError(OrderErrorCode.invalidItems, 'items', 'items must hold at least one product');
  if (input.items.length > MAX_ORDER_LINES) {
    throw new ValidationError(OrderErrorCode.invalidItems, 'items', `items must hold at most ${MAX_ORDER_LINES} distinct products, got ${input.items.length}`);
  }
  const seen = new Set<string>();
  const items = input.items.map((item, index) => {
    const productId = parseId(item.productId, `items[${index}].productId`, OrderErrorCode.invalidId);
    if (seen.has(productId)) {
      throw new ValidationError(OrderErrorCode.duplicateProduct, `items[${index}].productId`, `items[${index}].productId repeats a product already in the order; send one line per product`);
    }
    seen.add(productId);
    if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > MAX_QUANTITY) {
      throw new ValidationError(OrderErrorCode.invalidQuantity, `items[${index}].quantity`, `items[${index}].quantity must be between 1 and ${MAX_QUANTITY}, got ${item.quantity}`);
    }
    return { productId, quantity: item.quantity };
  });
  return { accountId, items };
}

import type { Product } from './product.js';

/** One product line an order wants stock for. */
export interface StockLine {
  productId: string;
  quantity: number;
}

/** What the catalog decided for an order's lines: all reserved, or none (and why). */
export type ReservationDecision = { reserved: true } | { reserved: false; reason: string };

/** What happened to a reservation; written to the outbox with the stock changes. */
export type ReservationEvent =
  | { kind: 'reserved'; orderId: string; lines: StockLine[] }
  | { kind: 'rejected'; orderId: string; lines: StockLine[]; reason: string }
  | { kind: 'released'; orderId: string; lines: StockLine[] };

/** All lines or none: every product must still exist and have at least the quantity in stock. */
export function decideReservation(lines: readonly StockLine[], products: ReadonlyMap<string, Product>): ReservationDecision {
  for (const line of lines) {
    const product = products.get(line.productId);
    if (!product) return { reserved: false, reason: `product ${line.productId} no longer exists` };
    if (product.stock < line.quantity) return { reserved: false, reason: `product ${line.productId} has ${product.stock} in stock, ${line.quantity} wanted` };
  }
  return { reserved: true };
}

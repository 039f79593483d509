import type { AggregateEventCodec, HistoryEntry } from '@shop/events';
import type { Product } from './product.js';

/** What happened to a product; the repository writes each one to the outbox in the same transaction as the change. */
export type ProductEvent =
  | { kind: 'created'; product: Product }
  | { kind: 'updated'; product: Product; changedFields: string[] }
  /** The stock saga reserved or released stock: only the new stock level, not the whole product. */
  | { kind: 'stockChanged'; productId: string; stock: number }
  | { kind: 'deleted'; productId: string };

/** One change in a product's history, as the outbox keeps it (also after the product is deleted). */
export type ProductHistoryEntry = HistoryEntry;

/** Product events <-> outbox envelopes; implemented at the wire edge (src/events/), used by the repositories. */
export type ProductEventCodec = AggregateEventCodec<ProductEvent>;

/** The fields a client can change, as history names them. */
export const PRODUCT_FIELDS = ['name', 'description', 'price', 'stock'] as const;

/** The fields that differ between two states of a product, in a stable order. */
export function changedFields(before: Product, after: Product): string[] {
  return PRODUCT_FIELDS.filter((field) =>
    field === 'price'
      ? before.price.amountMinor !== after.price.amountMinor || before.price.currencyCode !== after.price.currencyCode
      : before[field] !== after[field],
  );
}

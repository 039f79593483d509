import { Product } from '../../domain/product.js';

/** A product as the search index stores it (`_source`); the index's mapping describes each field. */
export interface ProductDocument {
  id: string;
  name: string;
  description: string;
  /** Minor units as a JSON number: the catalog's highest price (10^9 minor units) is far below 2^53. */
  price: { amountMinor: number; currencyCode: string };
  stock: number;
  createdAt: string;
  updatedAt: string;
}

/** Domain -> index document. */
export function toDocument(product: Product): ProductDocument {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    price: { amountMinor: Number(product.price.amountMinor), currencyCode: product.price.currencyCode },
    stock: product.stock,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}

/** Index document -> domain, through the storage path (the document was a valid product when it was indexed). */
export function fromDocument(document: ProductDocument): Product {
  return Product.fromStorage({
    id: document.id,
    name: document.name,
    description: document.description,
    price: { amountMinor: BigInt(document.price.amountMinor), currencyCode: document.price.currencyCode },
    stock: document.stock,
    createdAt: new Date(document.createdAt),
    updatedAt: new Date(document.updatedAt),
  });
}

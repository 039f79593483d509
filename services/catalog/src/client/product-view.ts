import type { Money } from '@shop/money';

/** A product as other services and the gateway see it: plain data, no proto types. */
export interface ProductView {
  id: string;
  name: string;
  description: string;
  price: Money;
  stock: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One page of products and the token of the next (undefined on the last page). */
export interface ProductPageView {
  products: ProductView[];
  nextPageToken: string | undefined;
}

/** Input of CatalogClient.create. */
export interface CreateProductInput {
  name: string;
  description: string;
  price: Money;
  stock: number;
}

/** Input of CatalogClient.update: absent fields stay as they are. */
export interface ProductChanges {
  name?: string;
  description?: string;
  price?: Money;
  stock?: number;
  /** The stock read before choosing `stock`; a concurrent change since makes the update a CONFLICT on stock. */
  expectedStock?: number;
}

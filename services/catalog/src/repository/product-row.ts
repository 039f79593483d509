import { Product } from '../domain/product.js';

/** A products table row, as pg returns it (bigint as a string). Private to the repository. */
export interface ProductRow {
  id: string;
  name: string;
  description: string;
  price_minor: string;
  currency_code: string;
  stock: number;
  created_at: Date;
  updated_at: Date;
}

/** The column list every query selects, in ProductRow's shape. */
export const PRODUCT_COLUMNS = 'id, name, description, price_minor, currency_code, stock, created_at, updated_at';

/** Row -> domain, through the loading path that does not re-run creation rules. */
export function toDomain(row: ProductRow): Product {
  return Product.fromStorage({
    id: row.id,
    name: row.name,
    description: row.description,
    price: { amountMinor: BigInt(row.price_minor), currencyCode: row.currency_code },
    stock: row.stock,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** Domain -> row. */
export function toRow(product: Product): ProductRow {
  const state = product.toState();
  return {
    id: state.id,
    name: state.name,
    description: state.description,
    price_minor: state.price.amountMinor.toString(),
    currency_code: state.price.currencyCode,
    stock: state.stock,
    created_at: state.createdAt,
    updated_at: state.updatedAt,
  };
}

import { status } from '@grpc/grpc-js';
import { RemoteError } from '@shop/grpc-kit';
import type { Money } from '@shop/money';
import { fromMoneyProto, fromTimestamp, toMoneyProto } from '@shop/proto';
import type { Product__Output } from '@shop/proto/generated/shop/catalog/v1/Product';
import type { Money as MoneyProto } from '@shop/proto/generated/shop/common/v1/Money';
import type { ProductView } from './product-view.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const INT32_MAX = 2 ** 31 - 1;

// protobufjs does not refuse what an int64 or int32 field cannot hold: it wraps the number around (2^64 + 100
// arrives as 100) and drops fractions (1.5 arrives as 1), so the service would store a number nobody asked for.
// The client refuses such values itself, with the status, code and field the service answers bad values with,
// so callers handle one kind of error.
function refuse(code: string, field: string, message: string): RemoteError {
  return new RemoteError('INVALID_ARGUMENT', code, message, field, status.INVALID_ARGUMENT);
}

/** Money -> wire: the bigint travels as an int64 decimal string. */
export function moneyToProto(money: Money): MoneyProto {
  if (typeof money.amountMinor !== 'bigint' || money.amountMinor < INT64_MIN || money.amountMinor > INT64_MAX) {
    throw refuse('CATALOG.INVALID_PRICE', 'price.amount', `price.amount is out of range, got ${String(money.amountMinor).slice(0, 40)} minor units`);
  }
  return toMoneyProto(money);
}

/** Stock -> wire, an int32. */
export function stockToProto(stock: number): number {
  if (!Number.isInteger(stock) || Math.abs(stock) > INT32_MAX) {
    throw refuse('CATALOG.INVALID_STOCK', 'stock', `stock must be a whole number between 0 and 1000000, got ${stock}`);
  }
  return stock;
}

/** Wire -> view: the int64 amount string becomes a bigint. */
export function productFromProto(product: Product__Output | null): ProductView {
  if (!product) throw new Error('catalog service answered without a product');
  const price = fromMoneyProto(product.price);
  if (!price) throw new Error('catalog service answered without a valid price');
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    price,
    stock: product.stock,
    createdAt: fromTimestamp(product.createTime),
    updatedAt: fromTimestamp(product.updateTime),
  };
}

import { int32ForWire, int64ForWire } from '@shop/grpc-kit';
import type { Money } from '@shop/money';
import { fromMoneyProto, fromTimestamp } from '@shop/proto';
import type { Product__Output } from '@shop/proto/generated/shop/catalog/v1/Product';
import type { Money as MoneyProto } from '@shop/proto/generated/shop/common/v1/Money';
import type { ProductView } from './product-view.js';

/** Money -> wire: the bigint travels as an int64 decimal string. */
export function moneyToProto(money: Money): MoneyProto {
  return { amountMinor: int64ForWire(money.amountMinor, 'price.amount', 'CATALOG.INVALID_PRICE'), currencyCode: money.currencyCode };
}

/** Stock -> wire, an int32. */
export function stockToProto(stock: number): number {
  return int32ForWire(stock, 'stock', 'CATALOG.INVALID_STOCK');
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

import { ValidationError } from '@shop/errors';
import type { Money } from '@shop/money';
import { fromMoneyProto, fromTimestamp, toMoneyProto, toTimestamp } from '@shop/proto';
import type { CreateProductRequest__Output } from '@shop/proto/generated/shop/catalog/v1/CreateProductRequest';
import type { Product as ProductProto, Product__Output as ProductProtoOutput } from '@shop/proto/generated/shop/catalog/v1/Product';
import type { UpdateProductRequest__Output } from '@shop/proto/generated/shop/catalog/v1/UpdateProductRequest';
import type { Money__Output as MoneyProtoOutput } from '@shop/proto/generated/shop/common/v1/Money';
import { Product, type NewProduct, type ProductChanges } from '../domain/product.js';
import { CatalogErrorCode } from '../domain/product-errors.js';

/** Domain -> wire. */
export function toProto(product: Product): ProductProto {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    price: toMoneyProto(product.price),
    stock: product.stock,
    createTime: toTimestamp(product.createdAt),
    updateTime: toTimestamp(product.updatedAt),
  };
}

/** Wire -> domain for a product the catalog itself wrote (an event's payload): the storage path, no creation rules. */
export function productFromProto(product: ProductProtoOutput): Product {
  if (!product.price) throw new Error(`product ${product.id} arrived without a price`);
  return Product.fromStorage({
    id: product.id,
    name: product.name,
    description: product.description,
    price: moneyFromProto(product.price),
    stock: product.stock,
    createdAt: fromTimestamp(product.createTime),
    updatedAt: fromTimestamp(product.updateTime),
  });
}

/** Wire -> the input of a new product; a price is required (proto3 cannot require a message field itself). */
export function newProductFromProto(request: CreateProductRequest__Output): NewProduct {
  if (!request.price) throw new ValidationError(CatalogErrorCode.invalidPrice, 'price', 'price is required');
  return { name: request.name, description: request.description, price: moneyFromProto(request.price), stock: request.stock };
}

/** Wire -> domain changes: proto3 `optional` fields are present only when the client set them; a price replaces the price. */
export function changesFromProto(request: UpdateProductRequest__Output): ProductChanges {
  return {
    name: request.name,
    description: request.description,
    price: request.price ? moneyFromProto(request.price) : undefined,
    stock: request.stock,
    expectedStock: request.expectedStock,
  };
}

/** Wire -> Money: the int64 decimal string becomes a bigint; one that is not an integer is refused on price.amount. */
export function moneyFromProto(money: MoneyProtoOutput): Money {
  const value = fromMoneyProto(money);
  if (!value) {
    throw new ValidationError(CatalogErrorCode.invalidPrice, 'price.amount', `price.amount must be an integer number of minor units, got ${JSON.stringify(String(money.amountMinor).slice(0, 40))}`);
  }
  return value;
}

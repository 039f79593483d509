// Original file: shop/catalog/v1/events.proto


export interface ProductDeleted {
  'productId'?: (string);
}

export interface ProductDeleted__Output {
  'productId': (string);
}

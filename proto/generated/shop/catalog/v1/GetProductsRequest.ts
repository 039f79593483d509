// Original file: shop/catalog/v1/catalog.proto


export interface GetProductsRequest {
  'ids'?: (string)[];
}

export interface GetProductsRequest__Output {
  'ids': (string)[];
}

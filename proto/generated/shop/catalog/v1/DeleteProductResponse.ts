// Original file: shop/catalog/v1/catalog.proto


export interface DeleteProductResponse {
}

export interface DeleteProductResponse__Output {
}

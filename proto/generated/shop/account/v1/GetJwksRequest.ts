// Original file: shop/account/v1/account.proto


export interface GetJwksRequest {
}

export interface GetJwksRequest__Output {
}

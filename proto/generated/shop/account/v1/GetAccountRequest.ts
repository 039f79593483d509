// Original file: shop/account/v1/account.proto


export interface GetAccountRequest {
  'id'?: (string);
}

export interface GetAccountRequest__Output {
  'id': (string);
}

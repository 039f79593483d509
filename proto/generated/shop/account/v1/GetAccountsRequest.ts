// Original file: shop/account/v1/account.proto


export interface GetAccountsRequest {
  'ids'?: (string)[];
}

export interface GetAccountsRequest__Output {
  'ids': (string)[];
}

// Original file: shop/account/v1/account.proto


export interface DeleteAccountRequest {
  'id'?: (string);
}

export interface DeleteAccountRequest__Output {
  'id': (string);
}

// Original file: shop/account/v1/account.proto


export interface CreateAccountRequest {
  'name'?: (string);
  'email'?: (string);
}

export interface CreateAccountRequest__Output {
  'name': (string);
  'email': (string);
}

// Original file: shop/account/v1/account.proto


export interface LoginRequest {
  'email'?: (string);
  'password'?: (string);
}

export interface LoginRequest__Output {
  'email': (string);
  'password': (string);
}

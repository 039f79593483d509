// Original file: shop/account/v1/account.proto


export interface RegisterRequest {
  'name'?: (string);
  'email'?: (string);
  /**
   * 8..128 characters.
   */
  'password'?: (string);
}

export interface RegisterRequest__Output {
  'name': (string);
  'email': (string);
  /**
   * 8..128 characters.
   */
  'password': (string);
}

// Original file: shop/account/v1/account.proto


export interface UpdateAccountRequest {
  'id'?: (string);
  'name'?: (string);
  'email'?: (string);
  '_name'?: "name";
  '_email'?: "email";
}

export interface UpdateAccountRequest__Output {
  'id': (string);
  'name'?: (string);
  'email'?: (string);
  '_name'?: "name";
  '_email'?: "email";
}

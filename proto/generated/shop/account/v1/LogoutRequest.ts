// Original file: shop/account/v1/account.proto


export interface LogoutRequest {
  'refreshToken'?: (string);
}

export interface LogoutRequest__Output {
  'refreshToken': (string);
}

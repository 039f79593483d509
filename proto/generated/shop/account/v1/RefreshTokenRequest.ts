// Original file: shop/account/v1/account.proto


export interface RefreshTokenRequest {
  'refreshToken'?: (string);
}

export interface RefreshTokenRequest__Output {
  'refreshToken': (string);
}

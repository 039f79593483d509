// Original file: shop/account/v1/account.proto


export interface LogoutResponse {
  /**
   * False when the token was already used, revoked, unknown or someone else's.
   */
  'revoked'?: (boolean);
}

export interface LogoutResponse__Output {
  /**
   * False when the token was already used, revoked, unknown or someone else's.
   */
  'revoked': (boolean);
}

// Original file: shop/account/v1/account.proto


/**
 * One Ed25519 public key (RFC 8037).
 */
export interface Jwk {
  'kty'?: (string);
  'crv'?: (string);
  'x'?: (string);
  'kid'?: (string);
  'alg'?: (string);
  'use'?: (string);
}

/**
 * One Ed25519 public key (RFC 8037).
 */
export interface Jwk__Output {
  'kty': (string);
  'crv': (string);
  'x': (string);
  'kid': (string);
  'alg': (string);
  'use': (string);
}

// Original file: shop/account/v1/account.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp.js';
import type { Account as _shop_account_v1_Account, Account__Output as _shop_account_v1_Account__Output } from '../../../shop/account/v1/Account.js';

/**
 * A signed-in session: a short-lived access token and the single-use refresh token that renews it.
 */
export interface AuthResponse {
  /**
   * EdDSA JWT, sent as "authorization: Bearer <access_token>".
   */
  'accessToken'?: (string);
  /**
   * Opaque; stored by the service only as a hash.
   */
  'refreshToken'?: (string);
  /**
   * When the access token expires.
   */
  'expireTime'?: (_google_protobuf_Timestamp | null);
  'account'?: (_shop_account_v1_Account | null);
}

/**
 * A signed-in session: a short-lived access token and the single-use refresh token that renews it.
 */
export interface AuthResponse__Output {
  /**
   * EdDSA JWT, sent as "authorization: Bearer <access_token>".
   */
  'accessToken': (string);
  /**
   * Opaque; stored by the service only as a hash.
   */
  'refreshToken': (string);
  /**
   * When the access token expires.
   */
  'expireTime': (_google_protobuf_Timestamp__Output | null);
  'account': (_shop_account_v1_Account__Output | null);
}

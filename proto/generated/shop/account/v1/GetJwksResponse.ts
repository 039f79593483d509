// Original file: shop/account/v1/account.proto

import type { Jwk as _shop_account_v1_Jwk, Jwk__Output as _shop_account_v1_Jwk__Output } from '../../../shop/account/v1/Jwk.js';

export interface GetJwksResponse {
  'keys'?: (_shop_account_v1_Jwk)[];
}

export interface GetJwksResponse__Output {
  'keys': (_shop_account_v1_Jwk__Output)[];
}

// Original file: shop/account/v1/account.proto

import type { Role as _shop_account_v1_Role, Role__Output as _shop_account_v1_Role__Output } from '../../../shop/account/v1/Role.js';

export interface CreateAccountRequest {
  'name'?: (string);
  'email'?: (string);
  /**
   * 8..128 characters; without one the account cannot sign in.
   */
  'password'?: (string);
  /**
   * ROLE_UNSPECIFIED means CUSTOMER.
   */
  'role'?: (_shop_account_v1_Role);
  /**
   * Set by the client once per logical request and kept across its retries: a retry of a create that did commit
   * answers the account it made instead of ALREADY_EXISTS on its email. Empty for none.
   */
  'requestId'?: (string);
  '_password'?: "password";
}

export interface CreateAccountRequest__Output {
  'name': (string);
  'email': (string);
  /**
   * 8..128 characters; without one the account cannot sign in.
   */
  'password'?: (string);
  /**
   * ROLE_UNSPECIFIED means CUSTOMER.
   */
  'role': (_shop_account_v1_Role__Output);
  /**
   * Set by the client once per logical request and kept across its retries: a retry of a create that did commit
   * answers the account it made instead of ALREADY_EXISTS on its email. Empty for none.
   */
  'requestId': (string);
  '_password'?: "password";
}

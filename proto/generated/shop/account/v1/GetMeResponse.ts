// Original file: shop/account/v1/account.proto

import type { Account as _shop_account_v1_Account, Account__Output as _shop_account_v1_Account__Output } from '../../../shop/account/v1/Account.js';

export interface GetMeResponse {
  /**
   * Unset for an anonymous caller.
   */
  'account'?: (_shop_account_v1_Account | null);
}

export interface GetMeResponse__Output {
  /**
   * Unset for an anonymous caller.
   */
  'account': (_shop_account_v1_Account__Output | null);
}

// Original file: shop/account/v1/account.proto

import type { Account as _shop_account_v1_Account, Account__Output as _shop_account_v1_Account__Output } from '../../../shop/account/v1/Account.js';

export interface ListAccountsResponse {
  'accounts'?: (_shop_account_v1_Account)[];
  /**
   * Empty when there is no next page.
   */
  'nextPageToken'?: (string);
}

export interface ListAccountsResponse__Output {
  'accounts': (_shop_account_v1_Account__Output)[];
  /**
   * Empty when there is no next page.
   */
  'nextPageToken': (string);
}

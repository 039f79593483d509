// Original file: shop/account/v1/events.proto

import type { Account as _shop_account_v1_Account, Account__Output as _shop_account_v1_Account__Output } from '../../../shop/account/v1/Account.js';

export interface AccountCreated {
  'account'?: (_shop_account_v1_Account | null);
}

export interface AccountCreated__Output {
  'account': (_shop_account_v1_Account__Output | null);
}

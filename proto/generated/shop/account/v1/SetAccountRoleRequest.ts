// Original file: shop/account/v1/account.proto

import type { Role as _shop_account_v1_Role, Role__Output as _shop_account_v1_Role__Output } from '../../../shop/account/v1/Role.js';

export interface SetAccountRoleRequest {
  'id'?: (string);
  'role'?: (_shop_account_v1_Role);
}

export interface SetAccountRoleRequest__Output {
  'id': (string);
  'role': (_shop_account_v1_Role__Output);
}

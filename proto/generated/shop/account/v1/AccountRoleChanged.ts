// Original file: shop/account/v1/events.proto

import type { Role as _shop_account_v1_Role, Role__Output as _shop_account_v1_Role__Output } from '../../../shop/account/v1/Role.js';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp.js';

export interface AccountRoleChanged {
  'accountId'?: (string);
  'role'?: (_shop_account_v1_Role);
  'tokensNotBefore'?: (_google_protobuf_Timestamp | null);
}

export interface AccountRoleChanged__Output {
  'accountId': (string);
  'role': (_shop_account_v1_Role__Output);
  'tokensNotBefore': (_google_protobuf_Timestamp__Output | null);
}

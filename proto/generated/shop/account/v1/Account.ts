// Original file: shop/account/v1/account.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp.js';
import type { Role as _shop_account_v1_Role, Role__Output as _shop_account_v1_Role__Output } from '../../../shop/account/v1/Role.js';

export interface Account {
  'id'?: (string);
  'name'?: (string);
  'email'?: (string);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'updateTime'?: (_google_protobuf_Timestamp | null);
  'role'?: (_shop_account_v1_Role);
}

export interface Account__Output {
  'id': (string);
  'name': (string);
  'email': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
  'role': (_shop_account_v1_Role__Output);
}

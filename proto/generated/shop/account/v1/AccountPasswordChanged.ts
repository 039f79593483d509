// Original file: shop/account/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp.js';

export interface AccountPasswordChanged {
  'accountId'?: (string);
  'tokensNotBefore'?: (_google_protobuf_Timestamp | null);
}

export interface AccountPasswordChanged__Output {
  'accountId': (string);
  'tokensNotBefore': (_google_protobuf_Timestamp__Output | null);
}

// Original file: shop/account/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp.js';

/**
 * A refresh token was used twice: every session of the account is revoked.
 */
export interface AccountSessionsRevoked {
  'accountId'?: (string);
  'tokensNotBefore'?: (_google_protobuf_Timestamp | null);
  'reason'?: (string);
}

/**
 * A refresh token was used twice: every session of the account is revoked.
 */
export interface AccountSessionsRevoked__Output {
  'accountId': (string);
  'tokensNotBefore': (_google_protobuf_Timestamp__Output | null);
  'reason': (string);
}

// Original file: shop/events/v1/history.proto

import type { Long } from '@grpc/proto-loader';

export interface ListHistoryRequest {
  'aggregateId'?: (string);
  /**
   * 1..100; 0 means the default (50).
   */
  'pageSize'?: (number);
  /**
   * Entries after this version (0: from the first).
   */
  'afterVersion'?: (number | string | Long);
}

export interface ListHistoryRequest__Output {
  'aggregateId': (string);
  /**
   * 1..100; 0 means the default (50).
   */
  'pageSize': (number);
  /**
   * Entries after this version (0: from the first).
   */
  'afterVersion': (string);
}

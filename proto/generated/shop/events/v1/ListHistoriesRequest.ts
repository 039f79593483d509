// Original file: shop/events/v1/history.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Batch read of histories: one page per record, with the same page size and starting version for all.
 */
export interface ListHistoriesRequest {
  'aggregateIds'?: (string)[];
  /**
   * 1..100; 0 means the default (50).
   */
  'pageSize'?: (number);
  /**
   * Entries after this version (0: from the first).
   */
  'afterVersion'?: (number | string | Long);
}

/**
 * Batch read of histories: one page per record, with the same page size and starting version for all.
 */
export interface ListHistoriesRequest__Output {
  'aggregateIds': (string)[];
  /**
   * 1..100; 0 means the default (50).
   */
  'pageSize': (number);
  /**
   * Entries after this version (0: from the first).
   */
  'afterVersion': (string);
}

// Original file: shop/account/v1/account.proto


export interface ListAccountsRequest {
  /**
   * 1..100; 0 means the default (20).
   */
  'pageSize'?: (number);
  /**
   * Opaque; empty for the first page.
   */
  'pageToken'?: (string);
}

export interface ListAccountsRequest__Output {
  /**
   * 1..100; 0 means the default (20).
   */
  'pageSize': (number);
  /**
   * Opaque; empty for the first page.
   */
  'pageToken': (string);
}

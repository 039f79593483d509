// Original file: shop/order/v1/order.proto


export interface ListOrdersRequest {
  'accountId'?: (string);
  /**
   * 1..100; 0 means the default (20).
   */
  'pageSize'?: (number);
  /**
   * Opaque; empty for the first page.
   */
  'pageToken'?: (string);
}

export interface ListOrdersRequest__Output {
  'accountId': (string);
  /**
   * 1..100; 0 means the default (20).
   */
  'pageSize': (number);
  /**
   * Opaque; empty for the first page.
   */
  'pageToken': (string);
}

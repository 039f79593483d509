// Original file: shop/catalog/v1/catalog.proto


export interface ListProductsRequest {
  /**
   * 1..100; 0 means the default (20).
   */
  'pageSize'?: (number);
  /**
   * Opaque; empty for the first page.
   */
  'pageToken'?: (string);
}

export interface ListProductsRequest__Output {
  /**
   * 1..100; 0 means the default (20).
   */
  'pageSize': (number);
  /**
   * Opaque; empty for the first page.
   */
  'pageToken': (string);
}

// Original file: shop/catalog/v1/catalog.proto


export interface SearchProductsRequest {
  'query'?: (string);
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface SearchProductsRequest__Output {
  'query': (string);
  'pageSize': (number);
  'pageToken': (string);
}

// Original file: shop/events/v1/history.proto


export interface ListHistoryRequest {
  'aggregateId'?: (string);
}

export interface ListHistoryRequest__Output {
  'aggregateId': (string);
}

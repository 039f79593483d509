// Original file: shop/account/v1/events.proto


export interface AccountDeleted {
  'accountId'?: (string);
}

export interface AccountDeleted__Output {
  'accountId': (string);
}

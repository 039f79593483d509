// Original file: shop/order/v1/order.proto


export interface GetOrdersRequest {
  'ids'?: (string)[];
}

export interface GetOrdersRequest__Output {
  'ids': (string)[];
}

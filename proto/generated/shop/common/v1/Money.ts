// Original file: shop/common/v1/money.proto

import type { Long } from '@grpc/proto-loader';

/**
 * An exact amount of money: integer minor units (cents for USD, yen for JPY) and an ISO 4217 code.
 * Never a float. int64 because order totals can exceed 2^31 minor units.
 */
export interface Money {
  'amountMinor'?: (number | string | Long);
  'currencyCode'?: (string);
}

/**
 * An exact amount of money: integer minor units (cents for USD, yen for JPY) and an ISO 4217 code.
 * Never a float. int64 because order totals can exceed 2^31 minor units.
 */
export interface Money__Output {
  'amountMinor': (string);
  'currencyCode': (string);
}

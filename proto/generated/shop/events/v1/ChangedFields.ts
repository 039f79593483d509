// Original file: shop/events/v1/envelope.proto


/**
 * The fields of a record that an event changed, for history views.
 */
export interface ChangedFields {
  'fields'?: (string)[];
}

/**
 * The fields of a record that an event changed, for history views.
 */
export interface ChangedFields__Output {
  'fields': (string)[];
}

// Original file: shop/events/v1/envelope.proto


export interface TraceContext {
  'traceparent'?: (string);
  'tracestate'?: (string);
}

export interface TraceContext__Output {
  'traceparent': (string);
  'tracestate': (string);
}

/** Stable codes of the input faults the gateway finds itself, before calling any service (`extensions.errorCode`). */
export const GatewayErrorCode = {
  invalidId: 'GATEWAY.INVALID_ID',
  invalidPageSize: 'GATEWAY.INVALID_PAGE_SIZE',
  invalidCursor: 'GATEWAY.INVALID_CURSOR',
  invalidAfterVersion: 'GATEWAY.INVALID_AFTER_VERSION',
  invalidAmount: 'GATEWAY.INVALID_AMOUNT',
  invalidCurrency: 'GATEWAY.INVALID_CURRENCY',
  invalidIdempotencyKey: 'GATEWAY.INVALID_IDEMPOTENCY_KEY',
  missingAccount: 'GATEWAY.ORDER_ACCOUNT_MISSING',
  missingOrder: 'GATEWAY.ORDER_NOT_FOUND',
  liveUpdatesOff: 'GATEWAY.LIVE_UPDATES_UNAVAILABLE',
  signInNeeded: 'GATEWAY.SIGN_IN_NEEDED',
} as const;

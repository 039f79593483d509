import { ConflictError, NotFoundError, PreconditionError, UnavailableError } from '@shop/errors';

/** Stable codes of the order domain; clients may switch on them. */
export const OrderErrorCode = {
  invalidId: 'ORDER.INVALID_ID',
  invalidItems: 'ORDER.INVALID_ITEMS',
  invalidQuantity: 'ORDER.INVALID_QUANTITY',
  duplicateProduct: 'ORDER.DUPLICATE_PRODUCT',
  mixedCurrencies: 'ORDER.MIXED_CURRENCIES',
  invalidPageSize: 'ORDER.INVALID_PAGE_SIZE',
  invalidPageToken: 'ORDER.INVALID_PAGE_TOKEN',
  invalidAfterVersion: 'ORDER.INVALID_AFTER_VERSION',
  notFound: 'ORDER.NOT_FOUND',
  accountNotFound: 'ORDER.ACCOUNT_NOT_FOUND',
  productUnavailable: 'ORDER.PRODUCT_UNAVAILABLE',
  notCancellable: 'ORDER.NOT_CANCELLABLE',
  dependencyUnavailable: 'ORDER.DEPENDENCY_UNAVAILABLE',
  storeUnavailable: 'ORDER.STORE_UNAVAILABLE',
  invalidIdempotencyKey: 'ORDER.INVALID_IDEMPOTENCY_KEY',
  idempotencyKeyReused: 'ORDER.IDEMPOTENCY_KEY_REUSED',
} as const;

/** No order has the id. */
export class OrderNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(OrderErrorCode.notFound, `order ${id} not found`);
  }
}

/** The order names an account that does not exist. */
export class OrderAccountNotFoundError extends NotFoundError {
  constructor(accountId: string) {
    super(OrderErrorCode.accountNotFound, `account ${accountId} not found`, 'accountId');
  }
}

/** A line names a product that does not exist or was deleted, so it cannot be ordered. */
export class ProductUnavailableError extends PreconditionError {
  constructor(productId: string, field: string) {
    super(OrderErrorCode.productUnavailable, `product ${productId} does not exist or is no longer sold`, field);
  }
}

/** The order is already rejected or cancelled. */
export class OrderNotCancellableError extends PreconditionError {
  constructor(id: string, status: string) {
    super(OrderErrorCode.notCancellable, `order ${id} is ${status} and cannot be cancelled`);
  }
}

/** The account or catalog service failed to answer; the order was not placed. */
export class DependencyUnavailableError extends UnavailableError {
  constructor(dependency: 'account' | 'catalog', cause: string) {
    super(OrderErrorCode.dependencyUnavailable, `the ${dependency} service is unavailable: ${cause}`);
  }
}

/** The order store cannot be reached; the call may succeed later. */
export class OrderStoreUnavailableError extends UnavailableError {
  constructor() {
    super(OrderErrorCode.storeUnavailable, 'the order database is unavailable');
  }
}

/** The idempotency key came with other items (or for another account) within its 24 hours: a client bug, not a retry. */
export class IdempotencyKeyReusedError extends ConflictError {
  constructor() {
    super(OrderErrorCode.idempotencyKeyReused, 'idempotencyKey was used within the last 24 hours for a different order request', 'idempotencyKey');
  }
}

/**
 * Storage found a live record of the key while storing a keyed order (a concurrent request with the same key
 * committed first) and stored nothing. Never leaves the service: it answers the first order instead.
 */
export class IdempotencyKeyTakenError extends Error {
  constructor(key: string) {
    super(`idempotency key ${JSON.stringify(key)} is already held by another order`);
    this.name = 'IdempotencyKeyTakenError';
  }
}

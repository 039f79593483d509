import type { AccountView } from '@shop/account/client';
import type { ProductView } from '@shop/catalog/client';
import { DomainError } from '@shop/errors';
import type { Caller } from '@shop/identity';
import { DependencyUnavailableError } from '../domain/order-errors.js';

/**
 * What placing an order needs of the account service, asked on behalf of `caller` (its token is forwarded, so
 * the account service applies its own rules: a customer sees only its own account). Wired in app.ts.
 */
export interface AccountLookup {
  getMany(ids: readonly string[], caller: Caller): Promise<Pick<AccountView, 'id'>[]>;
}

/** What placing an order needs of the catalog service, asked on behalf of `caller`. */
export interface ProductLookup {
  getMany(ids: readonly string[], caller: Caller): Promise<Pick<ProductView, 'id' | 'name' | 'price'>[]>;
}

/**
 * Calls another service. A refused token (UNAUTHENTICATED, FORBIDDEN) is the caller's problem and passes
 * through as it is; any other error it answers with (after the client's own retries) means the order cannot be
 * checked now, so it becomes this service's UNAVAILABLE instead of leaking the other service's status.
 */
export async function askDependency<T>(dependency: 'account' | 'catalog', call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DomainError && (error.kind === 'UNAUTHENTICATED' || error.kind === 'PERMISSION_DENIED')) throw error;
    if (error instanceof DomainError) throw new DependencyUnavailableError(dependency, error.message);
    throw error;
  }
}

import type { AccountView } from '@shop/account/client';
import type { ProductView } from '@shop/catalog/client';
import { DomainError } from '@shop/errors';
import { DependencyUnavailableError } from '../domain/order-errors.js';

/** What placing an order needs of the account service; AccountClient fits it, unit tests pass a small fake. */
export interface AccountLookup {
  getMany(ids: readonly string[]): Promise<Pick<AccountView, 'id'>[]>;
}

/** What placing an order needs of the catalog service; CatalogClient fits it. */
export interface ProductLookup {
  getMany(ids: readonly string[]): Promise<Pick<ProductView, 'id' | 'name' | 'price'>[]>;
}

/**
 * Calls another service; any error it answers with (after the client's own retries) means the order cannot
 * be checked now, so it becomes this service's UNAVAILABLE instead of leaking the other service's status.
 */
export async function askDependency<T>(dependency: 'account' | 'catalog', call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DomainError) throw new DependencyUnavailableError(dependency, error.message);
    throw error;
  }
}

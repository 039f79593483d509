import { isConnectionError } from '@shop/postgres';
import { CatalogStoreUnavailableError } from '../domain/product-errors.js';

/** Runs a query, mapping a lost or refused connection to the domain's UNAVAILABLE error; everything else passes through. */
export async function runOnStore<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isConnectionError(error)) throw new CatalogStoreUnavailableError();
    throw error;
  }
}

import { mapConnectionErrors } from '@shop/postgres';
import { CatalogStoreUnavailableError } from '../domain/product-errors.js';

/** Runs a query, mapping a lost or refused connection to the domain's UNAVAILABLE error; everything else passes through. */
export function runOnStore<T>(work: () => Promise<T>): Promise<T> {
  return mapConnectionErrors(work, () => new CatalogStoreUnavailableError());
}

import { UseCaseHooks, type HookLists } from '@shop/hooks';
import { accountCaller, type AccountCaller, type Role } from '@shop/identity';
import { newId } from '@shop/ids';
import { createLogger, type Logger } from '@shop/logger';
import { catalogEventsWire } from '../src/events/catalog-events-wire.js';
import { ProductMemoryRepository } from '../src/repository/product-memory-repository.js';
import { ProductMemorySearch } from '../src/repository/product-memory-search.js';
import { CATALOG_ACCESS } from '../src/service/catalog-access.js';
import type { CatalogOperations } from '../src/service/catalog-operations.js';
import { CatalogService } from '../src/service/catalog-service.js';

/** A signed-in caller as the token verifier would make it; its "token" only needs to be forwardable. */
export function aCaller(role: Role, accountId: string = newId()): AccountCaller {
  return accountCaller(accountId, role, Math.floor(Date.now() / 1000), `token-of-${accountId}`);
}

/** One error line the service's logger was asked to write. */
export interface LoggedError {
  fields: unknown;
  message: string | undefined;
}

/** A CatalogService on the in-memory repository and search, as unit tests build it. */
export interface CatalogServiceFixture {
  service: CatalogService;
  /** The repository behind the service, for checking what was (not) written. */
  products: ProductMemoryRepository;
  admin: AccountCaller;
  customer: AccountCaller;
  /** What the hooks logged at error level (a failed after-hook), in order. */
  errors: LoggedError[];
}

/** A silent logger whose error lines are kept in `errors` rather than written anywhere. */
function recordingLogger(errors: LoggedError[]): Logger {
  const logger = createLogger('catalog-service-test', 'silent');
  logger.error = ((fields: unknown, message?: string) => void errors.push({ fields, message })) as Logger['error'];
  return logger;
}

/** A fresh service whose clock ticks one second per reading (from 2026-03-01), with `hooks` after the access rule. */
export function catalogServiceFixture(hooks: HookLists<CatalogOperations> = {}): CatalogServiceFixture {
  let clock = Date.parse('2026-03-01T00:00:00Z');
  const errors: LoggedError[] = [];
  const products = new ProductMemoryRepository(catalogEventsWire);
  const useCaseHooks = new UseCaseHooks<CatalogOperations>(CATALOG_ACCESS, hooks, recordingLogger(errors));
  return {
    service: new CatalogService(products, new ProductMemorySearch(products), useCaseHooks, () => new Date((clock += 1000))),
    products,
    admin: aCaller('ADMIN'),
    customer: aCaller('CUSTOMER'),
    errors,
  };
}

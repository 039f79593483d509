import { UseCaseHooks } from '@shop/hooks';
import { accountCaller, type AccountCaller, type Role } from '@shop/identity';
import { createLogger } from '@shop/logger';
import { orderEventsWire } from '../src/events/order-events-wire.js';
import { OrderMemoryRepository } from '../src/repository/order-memory-repository.js';
import { ORDER_ACCESS } from '../src/service/order-access.js';
import { OrderService } from '../src/service/order-service.js';
import { AccountDirectory, ProductShelf } from './order-lookup-stand-ins.js';

/** A signed-in caller as the token verifier would make it; its "token" only needs to be forwardable. */
export function aCaller(role: Role, accountId: string): AccountCaller {
  return accountCaller(accountId, role, Math.floor(Date.now() / 1000), `token-of-${accountId}`);
}

/** An OrderService on the in-memory repository with stand-in lookups, as unit tests build it. */
export interface OrderServiceFixture {
  service: OrderService;
  accounts: AccountDirectory;
  products: ProductShelf;
  /** A customer whose account exists. */
  customer: AccountCaller;
  /** Another customer whose account exists. */
  otherCustomer: AccountCaller;
  /** An admin whose account exists. */
  admin: AccountCaller;
}

/** A fresh service with three existing accounts: a customer, another customer and an admin. */
export function orderServiceFixture(): OrderServiceFixture {
  const accounts = new AccountDirectory();
  const products = new ProductShelf();
  const hooks = new UseCaseHooks(ORDER_ACCESS, {}, createLogger('order-unit-test', 'silent'));
  return {
    service: new OrderService(new OrderMemoryRepository(orderEventsWire), accounts, products, hooks),
    accounts,
    products,
    customer: aCaller('CUSTOMER', accounts.add()),
    otherCustomer: aCaller('CUSTOMER', accounts.add()),
    admin: aCaller('ADMIN', accounts.add()),
  };
}

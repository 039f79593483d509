import { UnauthenticatedError } from '@shop/errors';
import { newId } from '@shop/ids';
import { isAccount, type Caller } from '@shop/identity';
import type { Money } from '@shop/money';
import type { AccountLookup, ProductLookup } from '../src/service/order-dependencies.js';

/**
 * The account service for OrderService unit tests: the same rule as the real one (a customer is shown only its
 * own account, an admin any, nobody else anything), and it remembers who asked. The component test uses the real one.
 */
export class AccountDirectory implements AccountLookup {
  readonly ids = new Set<string>();
  readonly callers: Caller[] = [];
  /** When set, every call fails with it (after the caller is remembered). */
  failure: Error | undefined;

  async getMany(ids: readonly string[], caller: Caller): Promise<{ id: string }[]> {
    this.callers.push(caller);
    if (this.failure) throw this.failure;
    if (!isAccount(caller)) throw new UnauthenticatedError('AUTH.UNAUTHENTICATED', 'getAccounts needs a signed-in caller');
    return ids.filter((id) => this.ids.has(id) && (caller.kind === 'admin' || caller.accountId === id)).map((id) => ({ id }));
  }

  /** A new account that exists here. */
  add(): string {
    const id = newId();
    this.ids.add(id);
    return id;
  }
}

/** The catalog service for OrderService unit tests: products anyone may see; remembers who asked. */
export class ProductShelf implements ProductLookup {
  readonly products = new Map<string, { id: string; name: string; price: Money }>();
  readonly callers: Caller[] = [];
  /** When set, every call fails with it. */
  failure: Error | undefined;

  async getMany(ids: readonly string[], caller: Caller): Promise<{ id: string; name: string; price: Money }[]> {
    this.callers.push(caller);
    if (this.failure) throw this.failure;
    return ids.flatMap((id) => this.products.get(id) ?? []);
  }

  /** A new product on the shelf; its id. */
  add(name: string, amountMinor: bigint, currencyCode = 'USD'): string {
    const id = newId();
    this.products.set(id, { id, name, price: { amountMinor, currencyCode } });
    return id;
  }
}

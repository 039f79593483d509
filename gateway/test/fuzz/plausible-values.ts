import fc from 'fast-check';
import type { FuzzValue, RefKind } from './fuzz-value.js';
import { ref } from './hostile-values.js';

// Values a well-behaved client would send, by the name of the input: real ids and cursors as issued, page sizes
// in range, fresh emails, prices with the right digits. A plausible case sends these with one or two hostile
// values among them, so each hostile value meets code that has passed every check before it, and the happy paths
// (orders placed, products changed, passwords changed) run too.

/**
 * Optional inputs a well-behaved client seldom sends: `expectedStock` is the stock it read, which the fuzzer cannot
 * know, so a plausible update that sends one is nearly always CONFLICT and the update itself would never run.
 */
export const SELDOM_SENT: ReadonlySet<string> = new Set(['expectedStock']);

/** A value that passes the rules of the input named `name` (of GraphQL type or proto kind `typeName`), if the fuzzer knows one. */
export function plausibleValue(name: string, typeName: string, idKinds: RefKind[]): fc.Arbitrary<FuzzValue> | undefined {
  switch (name) {
    case 'id':
    case 'ids':
    case 'orderId':
    case 'aggregateId':
    case 'aggregateIds':
      return ref(idKinds);
    case 'accountId':
      return ref(['customerId', 'otherCustomerId']);
    case 'productId':
      return ref(['productId']);
    case 'after':
    case 'pageToken':
      return fc.oneof(fc.constant(''), ref(name === 'after' ? ['productsCursor', 'accountsCursor', 'customerOrdersCursor', 'searchCursor'] : ['productsPageToken', 'accountsPageToken', 'ordersPageToken']));
    case 'first':
    case 'pageSize':
      return fc.integer({ min: 1, max: 100 });
    case 'afterVersion':
      return fc.integer({ min: 0, max: 5 });
    case 'quantity':
      return fc.integer({ min: 1, max: 5 });
    case 'stock':
    case 'expectedStock':
      return fc.integer({ min: 0, max: 1_000 });
    case 'amountMinor':
      return fc.integer({ min: 1, max: 100_000_000 }).map(String);
    case 'amount':
      return fc.constantFrom('9.99', '0.5', '12', '1000000.00', '0.01');
    case 'currencyCode':
      return fc.constantFrom('USD', 'EUR', 'JPY');
    case 'email':
      return fc.oneof(ref(['customerEmail']), fc.uuid().map((uuid) => `fuzz-${uuid.slice(0, 13)}@example.com`));
    case 'password':
    case 'currentPassword':
      return fc.oneof(ref(['customerPassword']), fc.constant('password-12345'));
    case 'newPassword':
      return fc.constant('new-password-12345');
    case 'refreshToken':
      return ref(['customerRefreshToken']);
    case 'query':
      return fc.constantFrom('zephyr', 'kettle', 'fuzz kettle', 'deleted');
    case 'name':
      return fc.constantFrom('Ada Lovelace', 'Zephyr kettle', 'Thé vert', '茶壶');
    case 'description':
      return fc.constantFrom('A kettle.', 'Line one.\nLine two.', '');
    case 'idempotencyKey':
    case 'requestId':
      return fc.oneof(fc.uuid(), fc.constantFrom('key-1', 'key-2'));
  }
  switch (typeName) {
    case 'Int':
    case 'int32':
      return fc.integer({ min: 0, max: 100 });
    case 'ID':
      return ref(idKinds);
    case 'String':
    case 'string':
      return fc.constantFrom('plain text', 'x');
    default:
      return undefined;
  }
}

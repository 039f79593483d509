// The values a fuzz case carries, as plain data so fast-check can print and shrink them. Besides JSON values
// they may hold references to records of the running shop (resolved when the case is sent, so a case stays
// meaningful however the shop changed before it), numbers written verbatim, and bare names for literals.

/** What an id or cursor reference points at; the fixtures resolve it against the shop as it is now. */
export type RefKind =
  | 'customerId'
  | 'otherCustomerId'
  | 'customerEmail'
  | 'customerPassword'
  | 'customerRefreshToken'
  | 'productId'
  | 'deletedProductId'
  | 'customerOrderId'
  | 'otherOrderId'
  | 'accountsCursor'
  | 'productsCursor'
  | 'searchCursor'
  | 'customerOrdersCursor'
  | 'otherOrdersCursor'
  | 'accountsPageToken'
  | 'productsPageToken'
  | 'searchPageToken'
  | 'ordersPageToken';

/** How a referenced value is spoilt before it is sent: as it is, or written differently, or modified. */
export type RefTwist = 'none' | 'upper' | 'braces' | 'spaces' | 'truncate' | 'append' | 'flip' | 'skip' | 'bump-year';

/** A reference to a real record or cursor of the shop under test. */
export interface FuzzRef {
  $ref: RefKind;
  index: number;
  twist: RefTwist;
}

/** A number written as this text (in JSON and in GraphQL literals): `1e400`, `-0`, 40 digits. */
export interface FuzzRaw {
  $raw: string;
}

/** A bare name in a GraphQL literal (an enum value such as ADMIN, or `NaN`); a string in JSON. */
export interface FuzzName {
  $name: string;
}

/** A list nested this many times around one string, written out only when sent (fast-check prints values recursively). */
export interface FuzzDeep {
  $deep: number;
}

/** Inside a GraphQL literal: this part goes as a variable of the given declared type instead. */
export interface FuzzVariable {
  $variable: FuzzValue;
  type: string;
}

/** Any value a case may send. */
export type FuzzValue = null | boolean | number | string | FuzzRef | FuzzRaw | FuzzName | FuzzDeep | FuzzVariable | FuzzValue[] | { [field: string]: FuzzValue };

/** True for the reference form of a value. */
export function isRef(value: FuzzValue): value is FuzzRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '$ref' in value;
}

/** True for a number written verbatim. */
export function isRaw(value: FuzzValue): value is FuzzRaw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '$raw' in value;
}

/** True for a bare name. */
export function isName(value: FuzzValue): value is FuzzName {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '$name' in value;
}

/** True for a deep list not yet built. */
export function isDeep(value: FuzzValue): value is FuzzDeep {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '$deep' in value;
}

/** True for a part of a literal that goes as a variable. */
export function isVariable(value: FuzzValue): value is FuzzVariable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '$variable' in value;
}

/** Replaces every reference with what `resolve` answers, leaving the rest as it is. */
export function resolveRefs(value: FuzzValue, resolve: (ref: FuzzRef) => string): FuzzValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, resolve));
  if (isRef(value)) return resolve(value);
  if (isRaw(value) || isName(value) || isDeep(value)) return value;
  if (isVariable(value)) return { $variable: resolveRefs(value.$variable, resolve), type: value.type };
  return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, resolveRefs(inner, resolve)]));
}

/** A list nested `depth` times around one string, for senders that need the value itself. */
export function deepList(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

/**
 * JSON text of a resolved value: raw numbers verbatim (so `1e400` and 40-digit numbers reach the server as
 * written), names as strings, lone surrogates escaped as JSON.stringify does. Iterative, so deep lists are fine.
 */
export function toJsonText(value: FuzzValue): string {
  const out: string[] = [];
  const pending: (FuzzValue | JsonText)[] = [value];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next instanceof JsonText) {
      out.push(next.text);
    } else if (next === null || typeof next !== 'object') {
      out.push(typeof next === 'number' && !Number.isFinite(next) ? 'null' : JSON.stringify(next));
    } else if (Array.isArray(next)) {
      out.push('[');
      pending.push(new JsonText(']'));
      for (let index = next.length - 1; index >= 0; index -= 1) {
        pending.push(next[index]!);
        if (index > 0) pending.push(new JsonText(','));
      }
    } else if (isRaw(next)) {
      out.push(next.$raw);
    } else if (isDeep(next)) {
      out.push(`${'['.repeat(next.$deep)}"bottom"${']'.repeat(next.$deep)}`);
    } else if (isName(next)) {
      out.push(JSON.stringify(next.$name));
    } else if (isVariable(next)) {
      pending.push(next.$variable);
    } else if (isRef(next)) {
      throw new Error('resolve references before writing JSON');
    } else {
      const entries = Object.entries(next);
      out.push('{');
      pending.push(new JsonText('}'));
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [field, inner] = entries[index]!;
        pending.push(inner);
        pending.push(new JsonText(`${JSON.stringify(field)}:`));
        if (index > 0) pending.push(new JsonText(','));
      }
    }
  }
  return out.join('');
}

/** Punctuation and keys on toJsonText's stack, told apart from values by their class. */
class JsonText {
  constructor(readonly text: string) {}
}

import { PermissionDeniedError, UnauthenticatedError } from '@shop/errors';
import type { Caller } from '@shop/identity';

/**
 * One cell of an access table, as API.md writes it: `yes` (allowed), `own` (only the caller's own records; others
 * answer as if they did not exist), or the error the caller gets.
 */
export type AccessRule = 'yes' | 'own' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** What each kind of caller may do with one operation. The system (work started by events) may do everything. */
export interface AccessRow {
  readonly anonymous: AccessRule;
  readonly customer: AccessRule;
  readonly admin: AccessRule;
}

/** A service's rules: one row per operation, so a new operation without a rule does not compile. */
export type AccessTable<Operation extends string> = Readonly<Record<Operation, AccessRow>>;

/** A row of a table, written in the column order of API.md (anonymous, customer, admin) so the file reads as a table. */
export function access(anonymous: AccessRule, customer: AccessRule, admin: AccessRule): AccessRow {
  return { anonymous, customer, admin };
}

/** What a use case may see once its access rule passed: everything, or only one account's records. */
export type Scope = { readonly kind: 'all' } | { readonly kind: 'own'; readonly accountId: string };

/** The scope of everything, which the system and `yes` rules get. */
export const ALL: Scope = Object.freeze({ kind: 'all' });

/** Stable codes of access refusals. */
export const AccessErrorCode = {
  unauthenticated: 'AUTH.UNAUTHENTICATED',
  forbidden: 'AUTH.FORBIDDEN',
} as const;

/**
 * Applies a row to a caller: refuses (UNAUTHENTICATED, FORBIDDEN) or says what the use case may see. An `own`
 * rule for an anonymous caller is a mistake in the table, refused as UNAUTHENTICATED rather than let through.
 */
export function scopeFor(row: AccessRow, caller: Caller, operation: string): Scope {
  if (caller.kind === 'system') return ALL;
  const rule = row[caller.kind];
  switch (rule) {
    case 'yes':
      return ALL;
    case 'own':
      if (caller.kind === 'anonymous') break;
      return { kind: 'own', accountId: caller.accountId };
    case 'FORBIDDEN':
      throw new PermissionDeniedError(AccessErrorCode.forbidden, `${operation} is for admins only`);
    case 'UNAUTHENTICATED':
      break;
  }
  throw new UnauthenticatedError(AccessErrorCode.unauthenticated, `${operation} needs a signed-in caller: send Authorization: Bearer <access token>`);
}

/** True when a record owned by `ownerId` is visible in `scope`. */
export function isVisible(scope: Scope, ownerId: string): boolean {
  return scope.kind === 'all' || scope.accountId === ownerId;
}

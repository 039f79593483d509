/** The roles an account can have (API.md's `Role`); tokens carry one as their `role` claim. */
export type Role = 'CUSTOMER' | 'ADMIN';

/** Every role, for checks of untrusted input (a token's claim, a wire enum). */
export const ROLES: readonly Role[] = ['CUSTOMER', 'ADMIN'];

/** Nobody proved who they are: no Authorization header. */
export interface AnonymousCaller {
  readonly kind: 'anonymous';
}

/** A signed-in account, as its verified access token says. */
export interface AccountCaller {
  readonly kind: 'customer' | 'admin';
  readonly accountId: string;
  /** The token's `iat`, in whole seconds: what the deny list compares with. */
  readonly issuedAt: number;
}

/** The shop itself: work started by events (the stock saga), never a request. No token can claim it. */
export interface SystemCaller {
  readonly kind: 'system';
}

/**
 * Who runs a use case. Every use case takes one explicitly (there is no ambient "current user"); the gRPC
 * interceptor makes it from the verified token, event consumers pass SYSTEM.
 */
export type Caller = AnonymousCaller | AccountCaller | SystemCaller;

/** The caller of a request without a token. */
export const ANONYMOUS: AnonymousCaller = Object.freeze({ kind: 'anonymous' });

/** The caller of work started by events. */
export const SYSTEM: SystemCaller = Object.freeze({ kind: 'system' });

// The raw token of each account caller, for forwarding to other services. Kept out of the object itself so a
// caller that ends up in a log line or an error never carries its token with it.
const tokens = new WeakMap<AccountCaller, string>();

/** An account caller proved by `token`; only the token verifier (and tests) make these. */
export function accountCaller(accountId: string, role: Role, issuedAt: number, token: string): AccountCaller {
  const caller: AccountCaller = Object.freeze({ kind: role === 'ADMIN' ? 'admin' : 'customer', accountId, issuedAt });
  tokens.set(caller, token);
  return caller;
}

/** True for a signed-in customer or admin. */
export function isAccount(caller: Caller): caller is AccountCaller {
  return caller.kind === 'customer' || caller.kind === 'admin';
}

/** The Authorization value to forward on calls made for this caller: its own token, unchanged; none for others. */
export function authorizationOf(caller: Caller): string | undefined {
  if (!isAccount(caller)) return undefined;
  const token = tokens.get(caller);
  return token === undefined ? undefined : `Bearer ${token}`;
}

/** Who history records as having made a change: the account, or null for the system (and anonymous callers). */
export function actorOf(caller: Caller): string | null {
  return isAccount(caller) ? caller.accountId : null;
}

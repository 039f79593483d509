import { authorizationOf, type Caller } from '@shop/identity';

/**
 * What a client call carries for the caller it is made for: the caller's own Authorization, forwarded unchanged.
 * Who asks is explicit; how long the call may take is not here but in the call scope of the handler making it
 * (call-scope.ts), so a call on behalf of an incoming one inherits what is left of its deadline and its cancellation.
 */
export interface CallContext {
  authorization?: string | undefined;
}

/** The context of calls made on behalf of `caller`: its token for a signed-in account, nothing otherwise. */
export function callContextFor(caller: Caller): CallContext {
  return { authorization: authorizationOf(caller) };
}

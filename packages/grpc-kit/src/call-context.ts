import { authorizationOf, type Caller } from '@shop/identity';

/** What a client call carries for the caller it is made for: the caller's own Authorization, forwarded unchanged. */
export interface CallContext {
  authorization?: string | undefined;
}

/** The context of calls made on behalf of `caller`: its token for a signed-in account, nothing otherwise. */
export function callContextFor(caller: Caller): CallContext {
  return { authorization: authorizationOf(caller) };
}

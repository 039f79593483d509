import { Metadata, ServerInterceptingCall, status as Status, type ServerInterceptor, type StatusObject } from '@grpc/grpc-js';
import { ANONYMOUS, type Caller } from '@shop/identity';
import { toStatus } from './status-mapping.js';

/** The metadata key the token travels in, as `Bearer <access token>` (API.md, "Identity and access"). */
export const AUTHORIZATION_KEY = 'authorization';

/** What the interceptor asks of identity: the caller behind a call's authorization values (TokenVerifier fits). */
export interface Authenticator {
  authenticate(authorization: readonly string[]): Promise<Caller>;
}

// The caller of each call, keyed by the metadata object grpc-js hands on to the handler.
const callers = new WeakMap<Metadata, Caller>();

/**
 * Checks every call's token before its handler runs: no token is an anonymous caller, a bad one ends the call
 * with UNAUTHENTICATED (UNAVAILABLE when the keys cannot be fetched) and the handler never sees it. The caller
 * it finds is what `callerOf` gives the handler, so every service checks tokens itself, whoever forwarded them.
 */
export function authInterceptor(authenticator: Authenticator): ServerInterceptor {
  return (_method, call) =>
    new ServerInterceptingCall(call, {
      start(next) {
        next({
          onReceiveMetadata(metadata, forward) {
            const values = metadata.get(AUTHORIZATION_KEY).map((value) => (typeof value === 'string' ? value : value.toString('utf8')));
            // No token is an anonymous caller whatever the authenticator: decided at once, without a promise, since
            // public reads are the hottest calls there are.
            if (values.length === 0) {
              callers.set(metadata, ANONYMOUS);
              forward(metadata);
              return;
            }
            authenticator.authenticate(values).then(
              (caller) => {
                callers.set(metadata, caller);
                forward(metadata);
              },
              (error: unknown) => {
                const refused = toStatus(error);
                call.sendStatus({ code: refused.code ?? Status.INTERNAL, details: refused.details ?? '', metadata: refused.metadata ?? new Metadata() } satisfies StatusObject);
              },
            );
          },
        });
      },
    });
}

/** The caller of a call that passed authInterceptor; throws when the server runs without it (a wiring mistake). */
export function callerOf(call: { metadata: Metadata }): Caller {
  const caller = callers.get(call.metadata);
  if (!caller) throw new Error('no caller for this call: the server was started without authInterceptor');
  return caller;
}

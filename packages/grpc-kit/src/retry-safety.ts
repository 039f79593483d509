/**
 * Whether a method may be sent again after UNAVAILABLE, which does not say whether the server acted: the answer
 * may have been lost after a commit. A read may always be repeated. A write may be repeated only when the request
 * carries a key the server deduplicates by (createOrder's idempotency_key, createAccount's request_id), so a
 * repeat answers the first result instead of acting twice; any other write is never retried.
 */
export type RetrySafety = 'read' | 'keyed-write' | 'write';

/**
 * Each method of a client with its RetrySafety: the one table a client keeps, keyed by the service's method
 * names (so a method added to the proto does not compile until someone has decided).
 */
export type RetryTable<Method extends string> = Readonly<Record<Method, RetrySafety>>;

/**
 * The methods of a generated service as its client stub spells them (`createOrder`), from its handlers type
 * (`OrderServiceHandlers`), without the index signature grpc-js gives every service.
 */
export type MethodNamesOf<Handlers> = Uncapitalize<keyof { [K in keyof Handlers as string extends K ? never : K]: unknown } & string>;

/** Whether a call of a method this safe may be retried; `keyed`: this request carries its deduplication key. */
export function mayRetry(safety: RetrySafety, keyed = false): boolean {
  return safety === 'read' || (safety === 'keyed-write' && keyed);
}

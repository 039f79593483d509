import type pg from 'pg';
import { QueryCancelledError } from './pg-errors.js';
import type { StatementCanceller } from './statement-canceller.js';

/** What `work` may do with the connection it was lent, besides querying it. */
export interface ClientLease {
  /** Closes the connection instead of pooling it again (it is in an unknown state: a ROLLBACK failed). */
  discard(reason: Error): void;
  /** Throws QueryCancelledError when the request the work serves has ended (before a COMMIT, say). */
  throwIfEnded(): void;
}

const cancellers = new WeakMap<pg.Pool, StatementCanceller>();

/** Makes `pool`'s queries and transactions follow the request signal of `canceller` (see withClient). */
export function cancelStatementsOfEndedRequests(pool: pg.Pool, canceller: StatementCanceller): void {
  cancellers.set(pool, canceller);
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const end = pool.end.bind(pool) as () => Promise<void>;
  // Promise-form queries in a request go through withClient; callback and streaming forms stay as pg runs them.
  const limitedQuery = (...args: unknown[]): unknown => {
    if (canceller.requestSignal() === undefined || typeof args.at(-1) === 'function' || isSubmittable(args[0])) return query(...args);
    return withClient(pool, (client) => (client.query as (...queryArgs: unknown[]) => Promise<unknown>)(...args));
  };
  Object.assign(pool, {
    query: limitedQuery,
    end: async () => {
      await end();
      await canceller.end();
    },
  });
}

/**
 * Lends `work` a connection of `pool` and takes it back: destroyed instead of pooled when its connection failed,
 * when `work` discarded it, or when a cancel was sent to it, so a cancel can never land on a later statement.
 *
 * In a request (the pool's request signal is set when this starts): nothing is checked out once the signal is
 * aborted, and an abort while `work` runs cancels the statement running on the connection. pg emits 'error' on
 * a connection that drops even in the middle of a query, and the pool listens only on idle connections, so the
 * lent connection is listened to as well (the loss surfaces as the failing query's error).
 */
export async function withClient<T>(pool: pg.Pool, work: (client: pg.PoolClient, lease: ClientLease) => Promise<T>): Promise<T> {
  const canceller = cancellers.get(pool);
  const signal = canceller?.requestSignal();
  const client = signal ? await checkoutUnlessAborted(pool, signal) : await pool.connect();
  let discarded: Error | undefined;
  let cancelling: Promise<void> | undefined;
  const discard = (reason: Error) => {
    discarded ??= reason;
  };
  const cancel = () => {
    discard(new QueryCancelledError());
    cancelling = canceller?.cancel(client);
  };
  client.on('error', discard);
  signal?.addEventListener('abort', cancel, { once: true });
  const lease: ClientLease = {
    discard,
    throwIfEnded: () => {
      if (signal?.aborted) throw new QueryCancelledError();
    },
  };
  try {
    return await work(client, lease);
  } finally {
    signal?.removeEventListener('abort', cancel);
    client.off('error', discard);
    await cancelling;
    client.release(discarded ?? false);
  }
}

/** A pool connection, unless `signal` aborts first (a request that ended waits for no connection). */
function checkoutUnlessAborted(pool: pg.Pool, signal: AbortSignal): Promise<pg.PoolClient> {
  if (signal.aborted) return Promise.reject(new QueryCancelledError());
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new QueryCancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    pool.connect().then(
      (client) => {
        signal.removeEventListener('abort', onAbort);
        if (!signal.aborted) return resolve(client);
        client.release();
        reject(new QueryCancelledError());
      },
      (error: Error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function isSubmittable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { submit?: unknown }).submit === 'function';
}

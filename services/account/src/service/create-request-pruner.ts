import type { Logger } from '@shop/logger';
import { CREATE_REQUEST_WINDOW_MS } from '../domain/create-request.js';
import type { CredentialRepository } from '../domain/credentials.js';

/** How often expired createAccount request_id records are deleted. Reads ignore them anyway; this only bounds the table. */
export const CREATE_REQUEST_PRUNE_INTERVAL_MS = 10 * 60_000;

/**
 * Deletes request_id records older than their 24 hours, at start and then every 10 minutes, in the background
 * rather than on each createAccount. A failure is logged and tried again next time.
 */
export function startCreateRequestPruner(credentials: Pick<CredentialRepository, 'pruneCreateRequests'>, logger: Logger, now: () => Date = () => new Date()): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const prune = () => {
    running = credentials
      .pruneCreateRequests(new Date(now().getTime() - CREATE_REQUEST_WINDOW_MS))
      .then((deleted) => deleted > 0 && logger.debug({ deleted }, 'pruned expired createAccount request ids'))
      .catch((error: unknown) => logger.warn({ err: error }, 'pruning createAccount request ids failed'));
  };
  prune();
  const timer = setInterval(prune, CREATE_REQUEST_PRUNE_INTERVAL_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

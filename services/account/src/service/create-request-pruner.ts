import type { Logger } from '@shop/logger';
import { startPeriodicTask, type BackgroundTask } from '@shop/service-host';
import { CREATE_REQUEST_WINDOW_MS } from '../domain/create-request.js';
import type { CredentialRepository } from '../domain/credentials.js';

/** How often expired createAccount request_id records are deleted. Reads ignore them anyway; this only bounds the table. */
export const CREATE_REQUEST_PRUNE_INTERVAL_MS = 10 * 60_000;

/** Deletes request_id records older than their 24 hours, at start and then every 10 minutes. */
export function startCreateRequestPruner(credentials: Pick<CredentialRepository, 'pruneCreateRequests'>, logger: Logger, now: () => Date = () => new Date()): BackgroundTask {
  return startPeriodicTask({
    what: 'expired createAccount request ids',
    intervalMs: CREATE_REQUEST_PRUNE_INTERVAL_MS,
    run: () => credentials.pruneCreateRequests(new Date(now().getTime() - CREATE_REQUEST_WINDOW_MS)),
    logger,
  });
}

import DataLoader from 'dataloader';
import { DomainError } from '@shop/errors';
import { MAX_BATCH_IDS } from './by-id-loader.js';

/** Reads things by id in one batch call; unknown ids are left out of the answer. */
export type GetMany<T> = (ids: readonly string[]) => Promise<T[]>;

/**
 * A process-wide loader for data that is the same whoever asks (products): the ids that all concurrent requests
 * ask for within one turn of the event loop become one batch call, so a thousand clients reading products cost
 * about as many catalog calls as one. Nothing is cached between turns (freshness is the service's cache's job).
 *
 * A batch refused for its input (one id the service will not take) is retried one id per call, so that id fails only
 * the requests that asked for it. Any other failure (the service down, a deadline) is every id's answer, without
 * retries that would only multiply the load on a struggling service. Never use it for anything that depends on
 * the caller: the calls carry no client's token.
 */
export function coalescingLoader<T extends { id: string }>(getMany: GetMany<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>((ids) => loadIsolated(getMany, ids), {
    cache: false,
    maxBatchSize: MAX_BATCH_IDS,
    // One event-loop turn: the requests whose bytes arrived in the same poll phase share the call.
    batchScheduleFn: (callback) => setImmediate(callback),
  });
}

async function loadIsolated<T extends { id: string }>(getMany: GetMany<T>, ids: readonly string[]): Promise<Array<T | null | Error>> {
  // Without DataLoader's cache, two requests asking for one id both pass it here: the call carries it once.
  const unique = [...new Set(ids)];
  try {
    return inOrder(ids, await getMany(unique));
  } catch (error) {
    if (unique.length === 1 || !refusedForItsInput(error)) return ids.map(() => asError(error));
    const answers = new Map(await Promise.all(unique.map(async (id) => [id, await getMany([id]).then((found) => found[0] ?? null, asError)] as const)));
    return ids.map((id) => answers.get(id)!);
  }
}

/** A refusal that one bad id can cause: worth finding which. */
function refusedForItsInput(error: unknown): boolean {
  return error instanceof DomainError && (error.kind === 'INVALID_ARGUMENT' || error.kind === 'NOT_FOUND');
}

function inOrder<T extends { id: string }>(ids: readonly string[], found: T[]): Array<T | null> {
  const byId = new Map(found.map((item) => [item.id, item]));
  return ids.map((id) => byId.get(id) ?? null);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * A request's own view of a coalescing loader: within the request an id is fetched once and reads the same
 * throughout (DataLoader's per-request cache); across requests the fetches share batch calls.
 */
export function requestView<T>(shared: DataLoader<string, T | null>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>((ids) => shared.loadMany(ids), { maxBatchSize: MAX_BATCH_IDS });
}

import DataLoader from 'dataloader';

/** The most keys one batch call carries; the services' batch reads (ids, ListOrdersForAccounts requests) refuse more than 1,000. */
export const MAX_BATCH_IDS = 1_000;

/**
 * A per-request loader of things by id over a batch read that leaves unknown ids out: all ids asked for in
 * one tick become one call, and an id that names nothing loads as null.
 */
export function byIdLoader<T extends { id: string }>(getMany: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(
    async (ids) => {
      const found = new Map((await getMany(ids)).map((item) => [item.id, item]));
      return ids.map((id) => found.get(id) ?? null);
    },
    { maxBatchSize: MAX_BATCH_IDS },
  );
}

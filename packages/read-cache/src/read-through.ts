import type { VersionedCache } from './versioned-cache.js';

/** A record as the store read it, with the version of its row. */
export interface Versioned<T> {
  value: T;
  version: number;
}

/**
 * getMany through a cache: the ids it holds come from memory, the others from one store read, whose results fill
 * it (unless something newer was seen meanwhile). Answers in the order of `ids`; unknown ids are left out.
 */
export async function readThrough<T extends { id: string }>(
  cache: VersionedCache<T>,
  ids: readonly string[],
  readStore: (ids: string[]) => Promise<Versioned<T>[]>,
): Promise<T[]> {
  const found = new Map<string, T>();
  const missing = new Set<string>();
  for (const id of ids) {
    const cached = cache.get(id);
    if (cached) found.set(id, cached);
    else missing.add(id);
  }
  if (missing.size > 0) {
    const ticket = cache.ticket();
    for (const { value, version } of await readStore([...missing])) {
      cache.fill(value.id, value, version, ticket);
      found.set(value.id, value);
    }
  }
  return ids.flatMap((id) => {
    const value = found.get(id);
    return value ? [value] : [];
  });
}

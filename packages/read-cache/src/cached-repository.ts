import type { HistoryRange } from '@shop/events';
import { readThrough, type Versioned } from './read-through.js';
import type { VersionedCache } from './versioned-cache.js';

/**
 * The shape every service's record repository has (ProductRepository, AccountRepository): records by id, a
 * keyset list, changes recorded with their actor, and history pages.
 */
export interface RecordRepository<T extends { id: string }, Cursor, HistoryEntry, Actor> {
  add(record: T, actor: Actor): Promise<void>;
  get(id: string): Promise<T | undefined>;
  getMany(ids: readonly string[]): Promise<T[]>;
  list(limit: number, after?: Cursor): Promise<T[]>;
  update(id: string, change: (record: T) => T, actor: Actor): Promise<T>;
  delete(id: string, actor: Actor): Promise<boolean>;
  history(id: string, range?: HistoryRange): Promise<HistoryEntry[]>;
  histories(ids: readonly string[], range: HistoryRange): Promise<HistoryEntry[][]>;
}

/** What a cache needs of the repository behind it: the whole port, and a getMany that says each row's version. */
export type VersionedRecordRepository<T extends { id: string }, Cursor, HistoryEntry, Actor> = RecordRepository<T, Cursor, HistoryEntry, Actor> & {
  getManyVersioned(ids: readonly string[]): Promise<Versioned<T>[]>;
};

/**
 * A record repository with a read-through cache of decoded records in front of get and getMany: a hit costs a
 * map lookup. This process's own changes forget the record once committed; other replicas' changes arrive as
 * events (startInvalidationFeed). Lists, history and writes go straight to the repository behind.
 */
export class CachedRepository<T extends { id: string }, Cursor, HistoryEntry, Actor> implements RecordRepository<T, Cursor, HistoryEntry, Actor> {
  constructor(
    private readonly store: VersionedRecordRepository<T, Cursor, HistoryEntry, Actor>,
    private readonly cache: VersionedCache<T>,
  ) {}

  async get(id: string): Promise<T | undefined> {
    return (await this.getMany([id]))[0];
  }

  getMany(ids: readonly string[]): Promise<T[]> {
    return readThrough(this.cache, ids, (missing) => this.store.getManyVersioned(missing));
  }

  list(limit: number, after?: Cursor): Promise<T[]> {
    return this.store.list(limit, after);
  }

  async add(record: T, actor: Actor): Promise<void> {
    await this.store.add(record, actor);
    this.cache.invalidate(record.id);
  }

  async update(id: string, change: (record: T) => T, actor: Actor): Promise<T> {
    try {
      return await this.store.update(id, change, actor);
    } finally {
      this.cache.invalidate(id);
    }
  }

  async delete(id: string, actor: Actor): Promise<boolean> {
    try {
      return await this.store.delete(id, actor);
    } finally {
      this.cache.invalidate(id);
    }
  }

  history(id: string, range?: HistoryRange): Promise<HistoryEntry[]> {
    return this.store.history(id, range);
  }

  histories(ids: readonly string[], range: HistoryRange): Promise<HistoryEntry[][]> {
    return this.store.histories(ids, range);
  }
}

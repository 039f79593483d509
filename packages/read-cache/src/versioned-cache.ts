/** How big a cache may grow; whichever bound is reached first evicts the least recently used entries. */
export interface CacheBounds {
  maxEntries: number;
  maxBytes: number;
}

/** What a cache has done since it was made, for logs, metrics and benchmarks. */
export interface CacheStats {
  hits: number;
  misses: number;
  /** Fills refused because the data read was older than a change the cache had already seen. */
  staleFillsRefused: number;
  invalidations: number;
  flushes: number;
  entries: number;
  bytes: number;
}

/** A read's ticket: taken before reading the store, shown when filling, so a fill can tell it is late. */
export interface ReadTicket {
  readonly generation: number;
}

interface Entry<T> {
  /** Undefined for a tombstone: the record changed (or went away) and its watermark is kept. */
  value: T | undefined;
  /** The newest version known for the record: of the value, or of the change that removed it. */
  version: number;
  /** When the entry was last invalidated (the cache's generation then); what its eviction must keep refusing. */
  invalidatedAt: number;
  /**
   * When the record last changed in a way whose version is not known (a commit of this process): fills of reads
   * started before are refused. A change known by its version needs no such mark: the version check refuses
   * anything older, and a read of that version or newer is fresh, even one that started before the event came.
   */
  unknownChangeAt: number;
  bytes: number;
}

/** A tombstone's own size estimate: its key, the entry and the map slot. */
const TOMBSTONE_BYTES = 120;

/**
 * Decoded records by id, each with the newest version seen. Reads never serialise anything (a hit is a map
 * lookup), and a fill is refused when it could put back something older than what the cache already knows:
 * data of a lower version than a change seen (the version check), or a read that started before the record's
 * last change of unknown version (the generation check, for the service's own commits). Bounded by entries and by estimated bytes; least recently used entries go first.
 */
export class VersionedCache<T> {
  // A Map keeps insertion order: deleting and setting again moves an entry to the end, so the first is the oldest.
  private readonly entries = new Map<string, Entry<T>>();
  private generation = 0;
  /** Fills of reads that started before this generation are refused: a flush, or a forgotten tombstone, came after. */
  private refuseBefore = 0;
  private bytes = 0;
  /** False while the changes of other processes may be missed (NATS away): nothing is kept or served. */
  private live = true;
  private readonly counts = { hits: 0, misses: 0, staleFillsRefused: 0, invalidations: 0, flushes: 0 };

  constructor(
    private readonly bounds: CacheBounds,
    /** An estimate of a value's size in memory, in bytes (strings count two bytes a character). */
    private readonly sizeOf: (value: T) => number,
  ) {
    if (!(bounds.maxEntries >= 0) || !(bounds.maxBytes >= 0)) throw new Error('cache bounds must be zero (off) or positive');
  }

  /** False when either bound is zero, or while the cache is not live: nothing is kept, every read goes to the store. */
  get enabled(): boolean {
    return this.live && this.bounds.maxEntries > 0 && this.bounds.maxBytes > 0;
  }

  /**
   * Whether the cache can know of every change: false while the feed of other processes' changes is away, which
   * empties it and makes it pass every read through; true again (empty) once the feed is back.
   */
  setLive(live: boolean): void {
    this.flush();
    this.live = live;
  }

  /** Take before reading the store; show to fill(). */
  ticket(): ReadTicket {
    return { generation: this.generation };
  }

  /** The newest version the cache knows for the record, if it knows the record. */
  knownVersion(id: string): number | undefined {
    return this.entries.get(id)?.version;
  }

  /** The cached value, counting a hit or a miss. */
  get(id: string): T | undefined {
    const entry = this.live ? this.entries.get(id) : undefined;
    if (entry?.value === undefined) {
      this.counts.misses += 1;
      return undefined;
    }
    this.counts.hits += 1;
    this.touch(id, entry);
    return entry.value;
  }

  /** Keeps a value read from the store at `version`, unless the cache already knows of something newer. */
  fill(id: string, value: T, version: number, ticket: ReadTicket): void {
    if (!this.enabled) return;
    const known = this.entries.get(id);
    if (ticket.generation < this.refuseBefore || (known && (known.version > version || known.unknownChangeAt > ticket.generation))) {
      this.counts.staleFillsRefused += 1;
      return;
    }
    if (known?.value !== undefined && known.version === version) return;
    this.store(id, { value, version, invalidatedAt: known?.invalidatedAt ?? 0, unknownChangeAt: known?.unknownChangeAt ?? 0, bytes: this.sizeOf(value) });
  }

  /**
   * Forgets the record's value: it changed to `version` (from an event), or in an unknown way (a commit of this
   * process, `version` undefined). An event older than what is known changes nothing.
   */
  invalidate(id: string, version?: number): void {
    if (!this.live) return;
    const known = this.entries.get(id);
    // The cache already holds (or has seen) this version or a newer one: the event is late news.
    if (version !== undefined && known && known.version >= version) return;
    this.counts.invalidations += 1;
    this.generation += 1;
    this.store(id, {
      value: undefined,
      version: Math.max(version ?? 0, known?.version ?? 0),
      invalidatedAt: this.generation,
      unknownChangeAt: version === undefined ? this.generation : (known?.unknownChangeAt ?? 0),
      bytes: TOMBSTONE_BYTES,
    });
  }

  /** Forgets everything (a reconnect or a gap: changes may have been missed); reads in flight cannot fill. */
  flush(): void {
    this.entries.clear();
    this.bytes = 0;
    this.generation += 1;
    this.refuseBefore = this.generation;
    this.counts.flushes += 1;
  }

  /** The figures so far. */
  stats(): CacheStats {
    return { ...this.counts, entries: this.entries.size, bytes: this.bytes };
  }

  private store(id: string, entry: Entry<T>): void {
    const previous = this.entries.get(id);
    if (previous) {
      this.bytes -= previous.bytes;
      this.entries.delete(id);
    }
    this.entries.set(id, entry);
    this.bytes += entry.bytes;
    this.evict();
  }

  private touch(id: string, entry: Entry<T>): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
  }

  private evict(): void {
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= this.bounds.maxEntries && this.bytes <= this.bounds.maxBytes) return;
      this.entries.delete(id);
      this.bytes -= entry.bytes;
      // Its watermark goes with it; reads in flight since its invalidation must not fill what it guarded.
      if (entry.value === undefined) this.refuseBefore = Math.max(this.refuseBefore, entry.invalidatedAt);
    }
  }
}

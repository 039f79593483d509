import { UnavailableError } from '@shop/errors';
import type { Logger } from '@shop/logger';
import type { ProductSearch, SearchCursor, SearchHit } from '../domain/product-search.js';

/** How often, at most, a continuing outage of the primary search is logged again. */
const LOG_EVERY_MS = 60_000;
/** While the primary is failing, one search in this long tries it again; the others go straight to the fallback. */
const PROBE_EVERY_MS = 5_000;

/**
 * A ProductSearch that asks `primary` (Elasticsearch) and, when it is UNAVAILABLE, answers from `fallback`
 * (Postgres full-text search) instead of failing: search degrades, the service stays ready. The outage is logged
 * when it starts (then at most once a minute) and when it ends. While it lasts, the primary is tried again at most
 * every 5 s, so searches do not each wait for a dead engine's timeout. Other errors are not hidden.
 */
export class FallbackProductSearch implements ProductSearch {
  private failingSince: number | undefined;
  private lastLogged = 0;
  private lastProbe = 0;

  constructor(
    private readonly primary: ProductSearch,
    private readonly fallback: ProductSearch,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async search(query: string, limit: number, after?: SearchCursor): Promise<SearchHit[]> {
    if (this.failingSince !== undefined) {
      if (this.now() - this.lastProbe < PROBE_EVERY_MS) return this.fallback.search(query, limit, after);
      this.lastProbe = this.now();
    }
    try {
      const hits = await this.primary.search(query, limit, after);
      this.recovered();
      return hits;
    } catch (error) {
      if (!(error instanceof UnavailableError)) throw error;
      this.failed(error);
      return this.fallback.search(query, limit, after);
    }
  }

  private failed(error: UnavailableError): void {
    const now = this.now();
    const starting = this.failingSince === undefined;
    this.failingSince ??= now;
    this.lastProbe = now;
    if (!starting && now - this.lastLogged < LOG_EVERY_MS) return;
    this.lastLogged = now;
    this.logger.warn({ err: error, failingForMs: now - this.failingSince }, 'Elasticsearch unavailable; searching with Postgres instead');
  }

  private recovered(): void {
    if (this.failingSince === undefined) return;
    this.logger.info({ failedForMs: this.now() - this.failingSince }, 'Elasticsearch answers again; searching with it');
    this.failingSince = undefined;
  }
}

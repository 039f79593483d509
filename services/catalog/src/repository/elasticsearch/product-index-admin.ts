import type { Client } from '@elastic/elasticsearch';
import type { Logger } from '@shop/logger';
import type { ProductPgSnapshot } from '../product-pg-snapshot.js';
import { INDEX_MAPPINGS, INDEX_SETTINGS, MAPPING_VERSION, mappingVersionOf, newIndexName } from './product-index-mapping.js';
import { ProductIndexWriter } from './product-index-writer.js';
import { runOnSearch, statusOf } from './search-errors.js';

/** What `ensure` found: the alias on a current index, or it built one (there was none, or its mapping was older). */
export type EnsureOutcome = 'current' | 'created' | 'migrated' | 'newer';

/** What a rebuild did. */
export interface RebuildReport {
  index: string;
  products: number;
  caughtUp: number;
  removedIndices: string[];
  ms: number;
}

/** Tuning of a rebuild. */
export interface RebuildOptions {
  /** Products per `_bulk` request (default 500). */
  batchSize?: number;
  /**
   * How far before the snapshot the catch-up replay starts (default 5 min): an event's time is taken before its
   * transaction commits, so a change committed during the snapshot may carry an earlier time.
   */
  catchUpMarginMs?: number;
}

/**
 * Creates, migrates and rebuilds the search index behind its alias. A rebuild fills a new index from Postgres,
 * moves the alias to it in one atomic request, replays what changed meanwhile, then drops the old index: readers
 * and the projection always see a complete index, before and after.
 */
export class ProductIndexAdmin {
  constructor(
    private readonly client: Client,
    private readonly alias: string,
    private readonly snapshot: ProductPgSnapshot,
    private readonly logger: Logger,
    private readonly options: RebuildOptions = {},
  ) {}

  /** Makes sure the alias points at an index of the current mapping version, building one when it does not. */
  async ensure(): Promise<EnsureOutcome> {
    const indices = await this.indicesBehindAlias();
    if (indices.length === 0) {
      await this.rebuild('the search index does not exist yet');
      return 'created';
    }
    const mappings = await runOnSearch(() => this.client.indices.getMapping({ index: this.alias }));
    const version = Math.min(...Object.values(mappings).map((entry) => mappingVersionOf(entry.mappings)));
    if (version === MAPPING_VERSION) return 'current';
    if (version > MAPPING_VERSION) {
      this.logger.warn({ alias: this.alias, indexVersion: version, ourVersion: MAPPING_VERSION }, 'the search index has a newer mapping than this catalog; using it as it is');
      return 'newer';
    }
    await this.rebuild(`the search index has mapping version ${version}, this catalog needs ${MAPPING_VERSION}`);
    return 'migrated';
  }

  /** Builds a new index from Postgres and moves the alias to it (the `reindex` command, and `ensure` when needed). */
  async rebuild(reason: string): Promise<RebuildReport> {
    const started = new Date();
    const index = newIndexName(this.alias, started);
    this.logger.info({ alias: this.alias, index, reason }, 'building the search index from Postgres');
    await runOnSearch(() => this.client.indices.create({ index, settings: INDEX_SETTINGS, mappings: INDEX_MAPPINGS }));
    const writer = new ProductIndexWriter(this.client, index);
    let products = 0;
    let previous: string[];
    try {
      for await (const page of this.snapshot.pages(this.options.batchSize ?? 500)) {
        await writer.applyAll(page);
        products += page.length;
      }
      previous = await this.indicesBehindAlias();
      await this.moveAlias(index, previous);
    } catch (error) {
      // Nobody reads the half-filled index: drop it (best effort), so failed attempts leave nothing behind.
      await this.client.indices.delete({ index }).catch(() => undefined);
      throw error;
    }
    // Changes the projection wrote to the old index while this one was filling; external versions make replays harmless.
    const changes = await this.snapshot.changesSince(new Date(started.getTime() - (this.options.catchUpMarginMs ?? 5 * 60_000)));
    await writer.applyAll(changes);
    if (previous.length > 0) await runOnSearch(() => this.client.indices.delete({ index: previous }));
    const report = { index, products, caughtUp: changes.length, removedIndices: previous, ms: Date.now() - started.getTime() };
    this.logger.info({ alias: this.alias, ...report }, 'search index built; the alias points at it');
    return report;
  }

  /** The concrete indices the alias points at; none when the alias does not exist (Elasticsearch answers 404). */
  private async indicesBehindAlias(): Promise<string[]> {
    try {
      return Object.keys(await runOnSearch(() => this.client.indices.getAlias({ name: this.alias })));
    } catch (error) {
      if (statusOf(error) === 404) return [];
      throw error;
    }
  }

  /**
   * Points the alias at `index` alone, in one atomic request. An index that took the alias's own name (written to
   * before the alias existed, by something without `require_alias`) is removed in the same request.
   */
  private async moveAlias(index: string, previous: string[]): Promise<void> {
    const squatter = previous.length === 0 && (await runOnSearch(() => this.client.indices.exists({ index: this.alias })));
    await runOnSearch(() =>
      this.client.indices.updateAliases({
        actions: [
          ...previous.map((old) => ({ remove: { index: old, alias: this.alias } })),
          ...(squatter ? [{ remove_index: { index: this.alias } }] : []),
          { add: { index, alias: this.alias } },
        ],
      }),
    );
  }
}

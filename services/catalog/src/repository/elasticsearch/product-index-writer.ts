import type { Client } from '@elastic/elasticsearch';
import { bulkFailures, bulkOperations, isAlreadyApplied } from './bulk-operations.js';
import type { IndexChange } from './index-change.js';
import { toDocument } from './product-document.js';
import { errorType, runOnSearch, statusOf } from './search-errors.js';

/**
 * Writes product changes to the search index with external versions (see IndexChange). An outage throws
 * SearchUnavailableError (the projection retries); a change the index already has is not an error.
 */
export class ProductIndexWriter {
  constructor(
    private readonly client: Client,
    /** The alias while serving, or a new concrete index while a rebuild fills it. */
    private readonly index: string,
  ) {}

  /** Applies one change. Writes through the alias must find it: `require_alias` stops Elasticsearch from creating a mapping-less index in its place. */
  async apply(change: IndexChange): Promise<void> {
    try {
      await runOnSearch(() =>
        change.kind === 'upsert'
          ? this.client.index({
              index: this.index,
              id: change.product.id,
              document: toDocument(change.product),
              version: change.version,
              version_type: 'external',
              require_alias: true,
            })
          : this.client.delete({ index: this.index, id: change.id, version: change.version, version_type: 'external' }),
      );
    } catch (error) {
      if (isAlreadyApplied(statusOf(error), errorType(error))) return;
      throw error;
    }
  }

  /** Applies many changes in one `_bulk` request (a rebuild); throws listing the items that failed for another reason than being applied already. */
  async applyAll(changes: readonly IndexChange[]): Promise<void> {
    if (changes.length === 0) return;
    const response = await runOnSearch(() => this.client.bulk({ operations: bulkOperations(this.index, changes) }));
    const failures = bulkFailures(response);
    if (failures.length > 0) throw new Error(`${failures.length} of ${changes.length} index changes failed: ${failures.slice(0, 5).join('; ')}`);
  }
}

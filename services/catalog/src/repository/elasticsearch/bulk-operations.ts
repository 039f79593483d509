import type { estypes } from '@elastic/elasticsearch';
import type { IndexChange } from './index-change.js';
import { toDocument } from './product-document.js';

/** The `_bulk` body for changes to `index`: an action line per change, followed by the document for upserts. */
export function bulkOperations(index: string, changes: readonly IndexChange[]): NonNullable<estypes.BulkRequest['operations']> {
  return changes.flatMap((change): NonNullable<estypes.BulkRequest['operations']> => {
    const target = { _index: index, _id: change.kind === 'upsert' ? change.product.id : change.id, version: change.version, version_type: 'external' as const };
    return change.kind === 'upsert' ? [{ index: target }, toDocument(change.product)] : [{ delete: target }];
  });
}

/** A change Elasticsearch already has in an equal or newer version (409), or a delete of a document it never had (404). */
export function isAlreadyApplied(status: number, errorType: string | undefined): boolean {
  return (status === 409 && errorType === 'version_conflict_engine_exception') || (status === 404 && errorType === undefined);
}

/** The items of a bulk response that really failed (not already applied), as "id: type: reason" lines. */
export function bulkFailures(response: estypes.BulkResponse): string[] {
  if (!response.errors) return [];
  return response.items.flatMap((item) => {
    const result = item.index ?? item.delete ?? item.create ?? item.update;
    if (!result?.error || isAlreadyApplied(result.status, result.error.type)) return [];
    return [`${result._id ?? '?'}: ${result.error.type}: ${result.error.reason ?? ''}`];
  });
}

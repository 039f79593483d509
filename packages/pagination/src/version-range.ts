import { ValidationError } from '@shop/errors';
import { parsePageSize } from './page-size.js';

/** How many history entries a page holds when the caller gives no size (API.md: `first` defaults to 50). */
export const DEFAULT_HISTORY_PAGE_SIZE = 50;

/** A page of a version-ordered list (a record's history) as a caller asks for it; 0 or absent means the default. */
export interface VersionPageRequest {
  pageSize?: number | undefined;
  /** Entries after this version; 0 (or absent) is from the first. */
  afterVersion?: number | undefined;
}

/** A checked VersionPageRequest: up to `limit` entries with a version above `afterVersion`, oldest first. */
export interface VersionRange {
  afterVersion: number;
  limit: number;
}

/** The fields and error codes a service names when a VersionPageRequest is refused. */
export interface VersionPageFields {
  pageSize: { field: string; code: string };
  afterVersion: { field: string; code: string };
}

/**
 * Checks a history page request: the size 1..100 (default 50), the version a whole number from 0 up to
 * Number.MAX_SAFE_INTEGER. Anything else is a ValidationError naming its field, before any store is asked.
 */
export function parseVersionPage(request: VersionPageRequest, fields: VersionPageFields): VersionRange {
  const limit = parsePageSize(request.pageSize ?? 0, fields.pageSize.field, fields.pageSize.code, DEFAULT_HISTORY_PAGE_SIZE);
  const afterVersion = request.afterVersion ?? 0;
  if (!Number.isSafeInteger(afterVersion) || afterVersion < 0) {
    const { field, code } = fields.afterVersion;
    throw new ValidationError(code, field, `${field} must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${String(afterVersion).slice(0, 40)}`);
  }
  return { afterVersion, limit };
}

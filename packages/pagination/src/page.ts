/** One page of a keyset-paginated list, as use cases return it to their callers. */
export interface Page<T> {
  items: T[];
  /** Token for the next page; undefined when this page is the last. */
  nextPageToken: string | undefined;
}

/**
 * Builds a page from rows fetched with LIMIT size + 1: the extra row only says there is a next page.
 * `keyOf` gives the sort key of an item, which becomes the next page's cursor.
 */
export function toPage<T>(rows: T[], size: number, keyOf: (item: T) => string[], encode: (key: string[]) => string): Page<T> {
  const items = rows.slice(0, size);
  const last = items.at(-1);
  return { items, nextPageToken: rows.length > size && last !== undefined ? encode(keyOf(last)) : undefined };
}

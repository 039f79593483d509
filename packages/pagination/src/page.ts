/** One page of a keyset-paginated list, as use cases return it to their callers. */
export interface Page<T> {
  items: T[];
  /** Token for the next page; undefined when this page is the last. */
  nextPageToken: string | undefined;
}

/**
 * Builds a page from rows fetched with LIMIT size + 1: the extra row only says there is a next page.
 * `tokenAfter` makes the token of the page that follows an item.
 */
export function toPage<T>(rows: T[], size: number, tokenAfter: (item: T) => string): Page<T> {
  const items = rows.slice(0, size);
  const last = items.at(-1);
  return { items, nextPageToken: rows.length > size && last !== undefined ? tokenAfter(last) : undefined };
}

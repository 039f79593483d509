import { describe, expect, it } from '@jest/globals';
import { parseVersionPage } from './version-range.js';

const fields = {
  pageSize: { field: 'page_size', code: 'X.INVALID_PAGE_SIZE' },
  afterVersion: { field: 'after_version', code: 'X.INVALID_AFTER_VERSION' },
};
const parse = (pageSize?: number, afterVersion?: number) => parseVersionPage({ pageSize, afterVersion }, fields);

describe('history page requests', () => {
  it('default to 50 entries from the first version', () => {
    expect(parse()).toEqual({ limit: 50, afterVersion: 0 });
    expect(parse(0, 0)).toEqual({ limit: 50, afterVersion: 0 });
  });

  it('take 1..100 entries after any version up to the largest safe integer', () => {
    expect(parse(1, 7)).toEqual({ limit: 1, afterVersion: 7 });
    expect(parse(100, Number.MAX_SAFE_INTEGER)).toEqual({ limit: 100, afterVersion: Number.MAX_SAFE_INTEGER });
  });

  it.each([101, -1, 1.5, Number.NaN])('refuse the page size %p on page_size', (size) => {
    expect(() => parse(size)).toThrow(expect.objectContaining({ field: 'page_size', code: 'X.INVALID_PAGE_SIZE', kind: 'INVALID_ARGUMENT' }));
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 63])('refuse the version %p on after_version', (version) => {
    expect(() => parse(10, version)).toThrow(expect.objectContaining({ field: 'after_version', code: 'X.INVALID_AFTER_VERSION', kind: 'INVALID_ARGUMENT' }));
  });
});

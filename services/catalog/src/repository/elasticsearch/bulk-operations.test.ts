import { describe, expect, it } from '@jest/globals';
import { Product } from '../../domain/product.js';
import { bulkFailures, bulkOperations, isAlreadyApplied } from './bulk-operations.js';

const product = Product.create({ name: 'Steel kettle', description: 'Boils.', price: { amountMinor: 2_500n, currencyCode: 'EUR' }, stock: 4 }, new Date('2026-11-21T10:00:00.000Z'));

describe('bulkOperations', () => {
  it('writes an upsert as an index action with its external version, followed by the document', () => {
    expect(bulkOperations('shop-products-v1-x', [{ kind: 'upsert', product, version: 3 }])).toEqual([
      { index: { _index: 'shop-products-v1-x', _id: product.id, version: 3, version_type: 'external' } },
      {
        id: product.id,
        name: 'Steel kettle',
        description: 'Boils.',
        price: { amountMinor: 2_500, currencyCode: 'EUR' },
        stock: 4,
        createdAt: '2026-11-21T10:00:00.000Z',
        updatedAt: '2026-11-21T10:00:00.000Z',
      },
    ]);
  });

  it('writes a removal as a delete action with its external version and no document line', () => {
    expect(bulkOperations('i', [{ kind: 'remove', id: 'p1', version: 7 }])).toEqual([{ delete: { _index: 'i', _id: 'p1', version: 7, version_type: 'external' } }]);
  });

  it('keeps the order of the changes', () => {
    const operations = bulkOperations('i', [
      { kind: 'remove', id: 'a', version: 2 },
      { kind: 'upsert', product, version: 1 },
    ]);
    expect(operations.map((line) => Object.keys(line as object)[0])).toEqual(['delete', 'index', 'id']);
  });
});

describe('bulkFailures', () => {
  it('ignores changes the index already has (version conflicts) and deletes of documents it never had', () => {
    expect(
      bulkFailures({
        errors: true,
        took: 1,
        items: [
          { index: { _index: 'i', _id: 'a', status: 409, error: { type: 'version_conflict_engine_exception', reason: 'version conflict' } } },
          { delete: { _index: 'i', _id: 'b', status: 404, result: 'not_found' } },
          { index: { _index: 'i', _id: 'c', status: 201, result: 'created' } },
        ],
      }),
    ).toEqual([]);
  });

  it('reports every other failure with its id, type and reason', () => {
    expect(
      bulkFailures({
        errors: true,
        took: 1,
        items: [
          { index: { _index: 'i', _id: 'a', status: 400, error: { type: 'strict_dynamic_mapping_exception', reason: 'field [colour] not allowed' } } },
          { index: { _index: 'i', _id: 'b', status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } } },
        ],
      }),
    ).toEqual(['a: strict_dynamic_mapping_exception: field [colour] not allowed', 'b: es_rejected_execution_exception: queue full']);
  });

  it('reads nothing when the response says there were no errors', () => {
    expect(bulkFailures({ errors: false, took: 1, items: [{ index: { _index: 'i', _id: 'a', status: 201 } }] })).toEqual([]);
  });

  it('knows a missing index is not "already applied"', () => {
    expect(isAlreadyApplied(404, 'index_not_found_exception')).toBe(false);
    expect(isAlreadyApplied(409, 'version_conflict_engine_exception')).toBe(true);
  });
});

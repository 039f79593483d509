import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@shop/errors';
import type { Invocation } from '@shop/hooks';
import { ANONYMOUS } from '@shop/identity';
import { catalogServiceFixture } from '../../test/catalog-service-fixture.js';
import { aProductInput } from '../../test/product-builder.js';
import type { NewProduct } from '../domain/product.js';

// Hooks a composition root gives the catalog (through buildCatalogApp's `hooks`): before-hooks run after the access
// rule and may refuse or adjust the input, after-hooks see the committed result and cannot undo it.

describe('CatalogService hooks', () => {
  it('lets a before-hook refuse a create: the caller gets its error and nothing is stored', async () => {
    const refuseOutOfStock = ({ input }: Invocation<NewProduct>) => {
      if (input.stock === 0) throw new ValidationError('CATALOG.INVALID_STOCK', 'stock', 'stock must be above 0 when a product is listed');
    };
    const f = catalogServiceFixture({ before: { createProduct: [refuseOutOfStock] } });
    await expect(f.service.create(f.admin, aProductInput({ stock: 0 }))).rejects.toMatchObject({ field: 'stock', message: 'stock must be above 0 when a product is listed' });
    expect(f.products.all()).toEqual([]);
    expect((await f.service.create(f.admin, aProductInput({ stock: 2 }))).stock).toBe(2);
  });

  it('lets before-hooks adjust the input in order, each seeing the caller, and stores what they made of it', async () => {
    const seen: string[] = [];
    const f = catalogServiceFixture({
      before: {
        createProduct: [
          ({ input, caller }) => (seen.push(caller.kind), { ...input, name: input.name.toUpperCase() }),
          ({ input }) => ({ ...input, description: `${input.name}: ${input.description}` }),
        ],
        updateProduct: [({ input }) => ({ ...input, changes: { ...input.changes, stock: 0 } })],
      },
    });
    const created = await f.service.create(f.admin, aProductInput({ name: 'Tin kettle', description: 'Boils.' }));
    expect(created).toMatchObject({ name: 'TIN KETTLE', description: 'TIN KETTLE: Boils.' });
    expect(seen).toEqual(['admin']);
    expect((await f.service.update(f.admin, created.id, { name: 'Tin kettle II' })).toState()).toMatchObject({ name: 'Tin kettle II', stock: 0 });
    expect((await f.service.get(ANONYMOUS, created.id)).toState()).toMatchObject({ name: 'Tin kettle II', description: 'TIN KETTLE: Boils.', stock: 0 });
  });

  it('still validates what a before-hook made of the input', async () => {
    const f = catalogServiceFixture({ before: { createProduct: [({ input }) => ({ ...input, stock: -5 })] } });
    await expect(f.service.create(f.admin, aProductInput())).rejects.toMatchObject({ field: 'stock', code: 'CATALOG.INVALID_STOCK' });
    expect(f.products.all()).toEqual([]);
  });

  it('runs no hook for a call the access rule refuses', async () => {
    const ran: string[] = [];
    const f = catalogServiceFixture({
      before: { createProduct: [() => void ran.push('before')] },
      afterEach: [(invocation) => void ran.push(`after ${invocation.operation}`)],
    });
    await expect(f.service.create(f.customer, aProductInput())).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    await expect(f.service.create(ANONYMOUS, aProductInput())).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    expect(ran).toEqual([]);
  });

  it('logs an after-hook that throws and keeps the change; the hooks after it still run with the result', async () => {
    const ran: unknown[] = [];
    const f = catalogServiceFixture({
      after: {
        deleteProduct: [
          () => {
            throw new Error('search cache down');
          },
          ({ input }) => void ran.push(['deleted', input.id]),
        ],
      },
      afterEach: [(invocation, result) => void ran.push([invocation.operation, (result as { id?: string } | undefined)?.id])],
    });
    const product = await f.service.create(f.admin, aProductInput());
    await expect(f.service.delete(f.admin, product.id)).resolves.toBeUndefined();

    await expect(f.service.get(ANONYMOUS, product.id)).rejects.toMatchObject({ code: 'CATALOG.PRODUCT_NOT_FOUND' });
    expect((await f.service.history(f.admin, product.id)).map((entry) => entry.eventType)).toEqual(['shop.catalog.v1.ProductCreated', 'shop.catalog.v1.ProductDeleted']);
    expect(ran).toEqual([
      ['createProduct', product.id],
      ['deleted', product.id],
      ['deleteProduct', undefined],
      ['listHistory', undefined],
    ]);
    expect(f.errors).toEqual([
      { fields: { err: expect.objectContaining({ message: 'search cache down' }), operation: 'deleteProduct' }, message: 'after-hook failed; the change stands' },
    ]);
  });
});

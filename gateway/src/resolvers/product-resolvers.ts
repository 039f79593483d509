import type { ProductChanges } from '@shop/catalog/client';
import type { MutationResolvers, ProductResolvers, QueryResolvers, UpdateProductInput } from '../generated/resolvers-types.js';
import { PRODUCTS, productSearch } from '../connections/cursor-lists.js';
import { fetchConnection } from '../connections/fetch-connections.js';
import { requireFirst, requireId } from '../input/arguments.js';
import { historyPageKey } from '../loaders/history-loader.js';
import { moneyFromInput } from '../input/money-input.js';

/** Query.product and Query.products: search when `query` has text, otherwise newest first. */
export const productQueries: QueryResolvers = {
  product: (_, { id }, { loaders }) => loaders.productById.load(requireId(id, 'id')),
  products: (_, { query, first, after }, { clients, auth, cursors }) => {
    const text = query?.trim() ? query : undefined;
    // A search's cursors belong to its exact query text; the list's to the list.
    const list = text === undefined ? PRODUCTS : productSearch(text);
    const request = { first: requireFirst(first), start: cursors.read(list, after), list };
    return fetchConnection(request, cursors, async (page) => {
      const answer = text === undefined ? await clients.catalog.list(page, auth) : await clients.catalog.search({ query: text, ...page }, auth);
      return { items: answer.products, nextPageToken: answer.nextPageToken };
    });
  },
};

/** Product mutations; prices arrive as MoneyInput and leave for the catalog as exact minor units. */
export const productMutations: MutationResolvers = {
  createProduct: (_, { input }, { clients, auth }) =>
    clients.catalog.create({ name: input.name, description: input.description, price: moneyFromInput(input.price, 'price'), stock: input.stock }, auth),
  updateProduct: (_, { id, input }, { clients, auth }) => {
    const productId = requireId(id, 'id');
    return clients.catalog.update(productId, productChanges(input), auth);
  },
  deleteProduct: async (_, { id }, { clients, auth }) => {
    const productId = requireId(id, 'id');
    await clients.catalog.delete(productId, auth);
    return productId;
  },
};

/** UpdateProductInput -> the catalog's changes: absent and null fields stay as they are. */
function productChanges(input: UpdateProductInput): ProductChanges {
  const changes: ProductChanges = {};
  if (input.name != null) changes.name = input.name;
  if (input.description != null) changes.description = input.description;
  if (input.price != null) changes.price = moneyFromInput(input.price, 'price');
  if (input.stock != null) changes.stock = input.stock;
  if (input.expectedStock != null) changes.expectedStock = input.expectedStock;
  return changes;
}

/** Product fields resolved from the catalog service, batched over all products of the response. */
export const Product: ProductResolvers = {
  history: (product, args, { loaders }) => loaders.productHistory.load(historyPageKey(product.id, args)),
};

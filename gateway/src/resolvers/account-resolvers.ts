import type { AccountResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.js';
import { fetchConnection } from '../connections/fetch-connections.js';
import { requireFirst, requireId } from '../input/arguments.js';

/** Query.account and Query.accounts. */
export const accountQueries: QueryResolvers = {
  account: (_, { id }, { loaders }) => loaders.accountById.load(requireId(id, 'id')),
  accounts: (_, { first, after }, { clients }) =>
    fetchConnection({ first: requireFirst(first), after }, async (page) => {
      const answer = await clients.accounts.list(page);
      return { items: answer.accounts, nextPageToken: answer.nextPageToken };
    }),
};

/** Mutation.createAccount and Mutation.updateAccount; the account service validates names and emails. */
export const accountMutations: MutationResolvers = {
  createAccount: (_, { input }, { clients }) => clients.accounts.create({ name: input.name, email: input.email }),
  updateAccount: (_, { id, input }, { clients }) =>
    clients.accounts.update(requireId(id, 'id'), { name: input.name ?? undefined, email: input.email ?? undefined }),
};

/** Account fields the view does not hold: its orders, batched over all accounts of the response. */
export const Account: AccountResolvers = {
  orders: (account, { first, after }, { loaders }) => loaders.ordersByAccount.load({ accountId: account.id, first: requireFirst(first), after }),
  // One ListHistory call per account: history is read one record at a time (see the issue note).
  history: (account, _, { clients }) => clients.accounts.history(account.id),
};

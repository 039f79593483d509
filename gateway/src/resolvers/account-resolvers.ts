import type { AccountResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.js';
import { ACCOUNTS, ordersOf } from '../connections/cursor-lists.js';
import { fetchConnection } from '../connections/fetch-connections.js';
import { requireFirst, requireId } from '../input/arguments.js';
import { historyPageKey } from '../loaders/history-loader.js';

/** Query.me, Query.account and Query.accounts; who may see what is the account service's rule. */
export const accountQueries: QueryResolvers = {
  me: async (_, __, { caller, clients, auth }) => (caller.kind === 'anonymous' ? null : ((await clients.accounts.me(auth)) ?? null)),
  account: (_, { id }, { loaders }) => loaders.accountById.load(requireId(id, 'id')),
  accounts: (_, { first, after }, { clients, auth, cursors }) =>
    fetchConnection({ first: requireFirst(first), start: cursors.read(ACCOUNTS, after), list: ACCOUNTS }, cursors, async (page) => {
      const answer = await clients.accounts.list(page, auth);
      return { items: answer.accounts, nextPageToken: answer.nextPageToken };
    }),
};

/** Mutation.createAccount and Mutation.updateAccount; the account service validates names, emails and passwords. */
export const accountMutations: MutationResolvers = {
  createAccount: (_, { input }, { clients, auth }) =>
    clients.accounts.create({ name: input.name, email: input.email, password: input.password ?? undefined, role: input.role ?? undefined }, auth),
  updateAccount: (_, { id, input }, { clients, auth }) =>
    clients.accounts.update(requireId(id, 'id'), { name: input.name ?? undefined, email: input.email ?? undefined }, auth),
  setAccountRole: (_, { id, role }, { clients, auth }) => clients.accounts.setRole(requireId(id, 'id'), role, auth),
};

/** Account fields the view does not hold: its orders and its history, each batched over all accounts of the response. */
export const Account: AccountResolvers = {
  orders: (account, { first, after }, { loaders, cursors }) =>
    loaders.ordersByAccount.load({ accountId: account.id, first: requireFirst(first), start: cursors.read(ordersOf(account.id), after) }),
  history: (account, args, { loaders }) => loaders.accountHistory.load(historyPageKey(account.id, args)),
};

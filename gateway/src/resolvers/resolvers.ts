import type { MoneyResolvers, Resolvers } from '../generated/resolvers-types.js';
import { decimalAmount } from '../input/money-input.js';
import { Account, accountMutations, accountQueries } from './account-resolvers.js';
import { authMutations } from './auth-resolvers.js';
import { historyQueries } from './history-resolvers.js';
import { Order, OrderItem, orderMutations, orderQueries } from './order-resolvers.js';
import { Product, productMutations, productQueries } from './product-resolvers.js';
import { DateTimeScalar, DecimalScalar } from './scalars.js';
import { Subscription } from './subscription-resolvers.js';

/** Money: exact minor units out as a Decimal string with the currency's digits. */
const Money: MoneyResolvers = {
  amount: (money) => decimalAmount(money),
};

/** Every resolver of schema.graphql; fields not listed here are read from the client views as they are. */
export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Decimal: DecimalScalar,
  Query: { ...accountQueries, ...productQueries, ...orderQueries, ...historyQueries },
  Mutation: { ...authMutations, ...accountMutations, ...productMutations, ...orderMutations },
  Subscription,
  Account,
  Product,
  Order,
  OrderItem,
  Money,
};

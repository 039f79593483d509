import DataLoader from 'dataloader';
import type { CallContext } from '@shop/grpc-kit';
import type { OrderView } from '@shop/order/client';
import type { GatewayClients } from '../clients.js';
import type { Connection } from '../connections/connection.js';
import { fetchConnections } from '../connections/fetch-connections.js';
import { MAX_BATCH_IDS } from './by-id-loader.js';

/** One account's page of orders: `first` already checked, `after` as the client sent it. */
export interface OrdersPageKey {
  accountId: string;
  first: number;
  after: string | null | undefined;
}

/**
 * A per-request loader of order pages by account: the Account.orders of every account in a response become
 * one ListOrdersForAccounts call (two when some `after` is a gateway edge cursor). Keyed by account, first and after.
 */
export function ordersByAccountLoader(orders: GatewayClients['orders'], auth: CallContext): DataLoader<OrdersPageKey, Connection<OrderView>, string> {
  return new DataLoader(
    (keys) =>
      fetchConnections(keys, async (calls) => {
        const answers = await orders.listForAccounts(
          calls.map(({ request, pageSize, pageToken }) => ({ accountId: request.accountId, pageSize, pageToken })),
          auth,
        );
        return answers.map((answer) => ({ items: answer.orders, nextPageToken: answer.nextPageToken }));
      }),
    { cacheKeyFn: (key) => JSON.stringify([key.accountId, key.first, key.after ?? '']), maxBatchSize: MAX_BATCH_IDS },
  );
}

import DataLoader from 'dataloader';
import type { CallContext } from '@shop/grpc-kit';
import type { OrderView } from '@shop/order/client';
import type { GatewayClients } from '../clients.js';
import type { Connection } from '../connections/connection.js';
import { ordersOf } from '../connections/cursor-lists.js';
import type { CursorSigner, PagePosition } from '../connections/cursor-signer.js';
import { fetchConnections } from '../connections/fetch-connections.js';
import { MAX_BATCH_IDS } from './by-id-loader.js';
import { measuredBatch } from './batch-metrics.js';

/** One account's page of orders: `first` checked, and where to start, read from `after` for this account's list. */
export interface OrdersPageKey {
  accountId: string;
  first: number;
  start: PagePosition;
}

/**
 * A per-request loader of order pages by account: the Account.orders of every account in a response become
 * one ListOrdersForAccounts call (two when some start inside a page). Keyed by account, first and start.
 */
export function ordersByAccountLoader(orders: GatewayClients['orders'], auth: CallContext, cursors: CursorSigner): DataLoader<OrdersPageKey, Connection<OrderView>, string> {
  const listForAccounts = measuredBatch('orders_by_account', (requests: readonly unknown[]) => requests.length, (requests: Parameters<GatewayClients['orders']['listForAccounts']>[0]) =>
    orders.listForAccounts(requests, auth),
  );
  return new DataLoader(
    (keys) =>
      fetchConnections(
        keys.map((key) => ({ ...key, list: ordersOf(key.accountId) })),
        cursors,
        async (calls) => {
          const answers = await listForAccounts(calls.map(({ request, pageSize, pageToken }) => ({ accountId: request.accountId, pageSize, pageToken })));
          return answers.map((answer) => ({ items: answer.orders, nextPageToken: answer.nextPageToken }));
        },
      ),
    { cacheKeyFn: (key) => JSON.stringify([key.accountId, key.first, key.start.pageToken, key.start.skip]), maxBatchSize: MAX_BATCH_IDS },
  );
}

import type DataLoader from 'dataloader';
import type { AccountView, HistoryEntryView } from '@shop/account/client';
import type { ProductView } from '@shop/catalog/client';
import type { CallContext } from '@shop/grpc-kit';
import type { OrderView } from '@shop/order/client';
import type { GatewayClients } from '../clients.js';
import type { Connection } from '../connections/connection.js';
import type { CursorSigner } from '../connections/cursor-signer.js';
import { byIdLoader } from './by-id-loader.js';
import { requestView } from './coalescing-loader.js';
import { historyLoader, type HistoryPageKey } from './history-loader.js';
import { ordersByAccountLoader, type OrdersPageKey } from './orders-by-account-loader.js';
import type { PublicLoaders } from './public-loaders.js';
import { idCount, measuredBatch } from './batch-metrics.js';

const historyIds = (request: { ids: readonly string[] }) => request.ids.length;

/** The loaders of one request; every nested lookup goes through one, so N parents cost one call per service. */
export interface GatewayLoaders {
  accountById: DataLoader<string, AccountView | null>;
  productById: DataLoader<string, ProductView | null>;
  orderById: DataLoader<string, OrderView | null>;
  ordersByAccount: DataLoader<OrdersPageKey, Connection<OrderView>, string>;
  accountHistory: DataLoader<HistoryPageKey, HistoryEntryView[], string>;
  productHistory: DataLoader<HistoryPageKey, HistoryEntryView[], string>;
  orderHistory: DataLoader<HistoryPageKey, HistoryEntryView[], string>;
}

/**
 * Fresh loaders for one request, calling with its caller's token: their caches must not outlive the request, or
 * one client would see another's reads (what a customer may see depends on who it is). Products, the same for
 * everyone, go through the process-wide loader, which coalesces concurrent requests' ids.
 */
export function createLoaders(clients: GatewayClients, auth: CallContext, cursors: CursorSigner, publicLoaders: PublicLoaders): GatewayLoaders {
  return {
    accountById: byIdLoader(measuredBatch('account', idCount, (ids) => clients.accounts.getMany(ids, auth))),
    productById: requestView(publicLoaders.productById),
    orderById: byIdLoader(measuredBatch('order', idCount, (ids) => clients.orders.getMany(ids, auth))),
    ordersByAccount: ordersByAccountLoader(clients.orders, auth, cursors),
    accountHistory: historyLoader(measuredBatch('account_history', historyIds, (request) => clients.accounts.histories(request, auth))),
    productHistory: historyLoader(measuredBatch('product_history', historyIds, (request) => clients.catalog.histories(request, auth))),
    orderHistory: historyLoader(measuredBatch('order_history', historyIds, (request) => clients.orders.histories(request, auth))),
  };
}

import type { AccountClient } from '@shop/account/client';
import type { CatalogClient } from '@shop/catalog/client';
import type { OrderClient } from '@shop/order/client';

/**
 * The service clients the gateway calls, narrowed to the methods it uses, so tests can hand in real clients
 * wrapped to count calls. main.ts connects and closes them; the app only calls them.
 */
export interface GatewayClients {
  accounts: Pick<
    AccountClient,
    'create' | 'getMany' | 'list' | 'update' | 'histories' | 'register' | 'login' | 'refresh' | 'logout' | 'changePassword' | 'setRole' | 'me' | 'jwks'
  >;
  catalog: Pick<CatalogClient, 'create' | 'getMany' | 'list' | 'search' | 'update' | 'delete' | 'histories'>;
  orders: Pick<OrderClient, 'create' | 'getMany' | 'listForAccounts' | 'cancel' | 'histories'>;
}

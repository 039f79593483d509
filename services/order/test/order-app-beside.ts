import { createLogger } from '@shop/logger';
import { createTestDatabase } from '@shop/testing';
import { buildOrderApp, MIGRATIONS, type OrderAppConfig, type OrderAppParts } from '../src/app.js';
import type { OrderComponent } from './order-component.js';

/** An order app of a test's own, on its own database, beside a running component. */
export interface OrderAppBeside {
  address: string;
  stop(): Promise<void>;
}

/**
 * Starts another order service next to `shop`'s account and catalog services (or others given in `config`), trusting
 * the component's signing key, with `parts` added; for tests that put something between order and its neighbours.
 */
export async function startOrderAppBeside(shop: OrderComponent, label: string, config: Partial<OrderAppConfig> = {}, parts: OrderAppParts = {}): Promise<OrderAppBeside> {
  const database = await createTestDatabase(label, MIGRATIONS);
  const app = await buildOrderApp(
    { ORDER_GRPC_PORT: 0, DATABASE_URL: database.url, ACCOUNT_GRPC_ADDRESS: shop.accountAddress, CATALOG_GRPC_ADDRESS: shop.catalogAddress, SHUTDOWN_GRACE_MS: 1_000, ...config },
    createLogger('order-test', 'silent'),
    { jwks: shop.identity.jwks, ...parts },
  );
  await app.ready;
  return {
    address: `127.0.0.1:${app.port}`,
    stop: async () => {
      await app.stop();
      await database.drop();
    },
  };
}

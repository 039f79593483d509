import type DataLoader from 'dataloader';
import type { ProductView } from '@shop/catalog/client';
import { callContextFor } from '@shop/grpc-kit';
import { ANONYMOUS } from '@shop/identity';
import type { GatewayClients } from '../clients.js';
import { coalescingLoader } from './coalescing-loader.js';
import { idCount, measuredBatch } from './batch-metrics.js';

/**
 * The gateway's process-wide loaders, made once: only for data every caller may read alike (catalog.getProducts is
 * "yes" for anonymous, customer and admin), fetched as an anonymous caller so no client's token is ever shared.
 */
export interface PublicLoaders {
  productById: DataLoader<string, ProductView | null>;
}

/** The process-wide loaders over the gateway's clients. */
export function createPublicLoaders(clients: Pick<GatewayClients, 'catalog'>): PublicLoaders {
  const anonymous = callContextFor(ANONYMOUS);
  return { productById: coalescingLoader(measuredBatch('product', idCount, (ids) => clients.catalog.getMany(ids, anonymous))) };
}

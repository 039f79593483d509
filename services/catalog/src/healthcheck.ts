import { exitWithServingStatus } from '@shop/grpc-kit';
import { readCatalogConfig } from './config.js';

// The image's HEALTHCHECK (node dist/healthcheck.js): is this container's gRPC server SERVING on CATALOG_GRPC_PORT?
await exitWithServingStatus(readCatalogConfig().CATALOG_GRPC_PORT);

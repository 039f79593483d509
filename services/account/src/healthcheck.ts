import { exitWithServingStatus } from '@shop/grpc-kit';
import { readAccountConfig } from './config.js';

// The image's HEALTHCHECK (node dist/healthcheck.js): is this container's gRPC server SERVING on ACCOUNT_GRPC_PORT?
await exitWithServingStatus(readAccountConfig().ACCOUNT_GRPC_PORT);

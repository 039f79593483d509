import { exitWithServingStatus } from '@shop/grpc-kit';
import { readOrderConfig } from './config.js';

// The image's HEALTHCHECK (node dist/healthcheck.js): is this container's gRPC server SERVING on ORDER_GRPC_PORT?
await exitWithServingStatus(readOrderConfig().ORDER_GRPC_PORT);

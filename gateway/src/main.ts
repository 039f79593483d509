import cluster from 'node:cluster';
import { startTracing } from '@shop/tracing';

// Entry of the gateway. A worker leaves the SIGINT of a Ctrl-C (sent to the whole process group) to its primary,
// from its first moment: a worker still starting must not die of it. Tracing starts next, because its
// instrumentations must patch http, gRPC and pg before they are imported; so the gateway (serve.ts) is imported
// only after it. Without OTEL_EXPORTER_OTLP_ENDPOINT nothing of OpenTelemetry is loaded.
if (cluster.isWorker) process.on('SIGINT', () => {});
const tracing = await startTracing('gateway');
const { runGateway } = await import('./serve.js');
await runGateway(tracing);

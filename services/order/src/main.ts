import { startTracing } from '@shop/tracing';

// Entry of the order service. Tracing starts first, because its instrumentations must patch http, gRPC and pg
// before they are imported; so the service (serve.ts) is imported only after it. Without OTEL_EXPORTER_OTLP_ENDPOINT
// nothing of OpenTelemetry is loaded.
const tracing = await startTracing('order');
const { serve } = await import('./serve.js');
await serve(tracing);

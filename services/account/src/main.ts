import { startTracing } from '@shop/tracing';

// Entry of the account service. Tracing starts first, because its instrumentations must patch http, gRPC and pg
// before they are imported; so the service (serve.ts) is imported only after it. Without OTEL_EXPORTER_OTLP_ENDPOINT
// nothing of OpenTelemetry is loaded.
const tracing = await startTracing('account');
const { serve } = await import('./serve.js');
await serve(tracing);

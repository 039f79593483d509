// `pnpm traces`: a trace viewer for the terminal. Listens for OTLP/HTTP trace exports (protobuf and JSON, gzip or
// not) on 127.0.0.1:4318, the port the OpenTelemetry SDKs export to by default, and prints each trace as an indented
// tree once it has gone quiet. Start it, then `OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 pnpm start`.
// Ctrl-C prints the traces still waiting for their quiet period, then stops.
import { parseCliOptions, USAGE } from './cli-options.js';
import { formatTrace, printable } from './format-trace.js';
import { startTraceReceiver, type RefusedRequest } from './trace-receiver.js';
import type { FinishedTrace } from './trace-store.js';

const say = (message: string) => process.stdout.write(`traces | ${message}\n`);

let options: ReturnType<typeof parseCliOptions>;
try {
  options = parseCliOptions(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`traces | ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

function printTrace(trace: FinishedTrace): void {
  if (trace.lateSpans > 0) say(`${trace.lateSpans} more span${trace.lateSpans === 1 ? '' : 's'} of trace ${trace.traceId} arrived after it was printed; here it is again`);
  process.stdout.write(`${formatTrace(trace.spans)}\n\n`);
}

// An exporter retries, so one misconfiguration repeats the same refusal; say each kind once, but every bad payload.
const refusalsSeen = new Set<string>();
function printRefusal(refusal: RefusedRequest): void {
  const kind = `${refusal.status} ${refusal.method} ${refusal.path}`;
  if (refusal.status !== 400 && refusalsSeen.has(kind)) return;
  refusalsSeen.add(kind);
  const hint = refusal.status === 404 && /^\/v1\/(metrics|logs)$/.test(refusal.path) ? ' (the apps export more than traces; only traces are shown here)' : '';
  console.error(printable(`traces | refused ${refusal.method} ${refusal.path} with ${refusal.status}: ${refusal.message}${hint}`));
}

let receiver: Awaited<ReturnType<typeof startTraceReceiver>>;
try {
  receiver = await startTraceReceiver({ port: options.port, host: options.host, quietMs: options.quietMs, onTrace: printTrace, onRefused: printRefusal });
} catch (error) {
  const inUse = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
  console.error(`traces | ${(error as Error).message}${inUse ? ' (another pnpm traces, or an OpenTelemetry collector?); choose another with --port N or TRACES_PORT=N' : ''}`);
  process.exit(1);
}

say(
  `listening on ${receiver.url} (OTLP/HTTP, protobuf and JSON); point the apps at it: ` +
    `OTEL_EXPORTER_OTLP_ENDPOINT=${receiver.url} pnpm start`,
);

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  // A second Ctrl-C means "now": do not wait for the printing to end.
  if (stopping) process.exit(130);
  stopping = true;
  say(`${signal}: printing the traces still waiting for their quiet period, then stopping`);
  receiver.close().then(
    () => say('stopped'),
    (error: unknown) => {
      console.error(`traces | stopping failed: ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

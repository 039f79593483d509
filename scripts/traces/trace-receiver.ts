// An OTLP/HTTP trace receiver in-process: what `pnpm traces` prints from, and what tests start on port 0 to assert
// on the spans the apps export (parent/child, links, status) without a collector.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJsonRequest, JSON_RESPONSE } from './otlp-json.js';
import { OtlpPayloadError } from './otlp-normalise.js';
import { decodeProtobufRequest, encodeProtobufResponse } from './otlp-protobuf.js';
import type { ReceivedSpan } from './received-span.js';
import { HttpError, readRequestBody } from './request-body.js';
import { TraceStore, type FinishedTrace } from './trace-store.js';

/** The path OTLP/HTTP exporters post traces to (OTEL_EXPORTER_OTLP_ENDPOINT plus this). */
export const TRACES_PATH = '/v1/traces';

/** How to run a receiver; every field has a default. */
export interface TraceReceiverOptions {
  /** 0 (the default) takes a free port; read the chosen one from the receiver's `port`. */
  port?: number;
  /** 127.0.0.1 by default: spans carry request details, and nothing beyond this machine needs to send them. */
  host?: string;
  /** How long a trace must go without a new span to count as finished (default 2000). */
  quietMs?: number;
  /** Larger bodies, before or after gzip inflation, are refused with 413 (default 16 MiB). */
  maxBodyBytes?: number;
  /** Past this many spans, the oldest finished traces are forgotten (default 200 000). */
  maxSpans?: number;
  /** Called with each trace once it is finished, and with every unfinished one on close(). */
  onTrace?: (trace: FinishedTrace) => void;
  /** Called for each request the receiver refused, so a CLI can say why an exporter is failing. */
  onRefused?: (refusal: RefusedRequest) => void;
}

/** A request answered with an error status. */
export interface RefusedRequest {
  method: string;
  path: string;
  status: number;
  message: string;
}

/** A running receiver. */
export interface TraceReceiver {
  port: number;
  /** The value for OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://127.0.0.1:4318 (exporters add /v1/traces). */
  url: string;
  /** Every span received (and not yet forgotten), trace by trace. */
  spans(): ReceivedSpan[];
  /** The spans of one trace by start time. */
  trace(traceId: string): ReceivedSpan[];
  /** Resolves with all spans once predicate(spans) holds; rejects after timeoutMs, listing what did arrive. */
  waitForSpans(predicate: (spans: ReceivedSpan[]) => boolean, timeoutMs: number): Promise<ReceivedSpan[]>;
  /** Stops listening, reports the unfinished traces to onTrace, and fails pending waits. */
  close(): Promise<void>;
}

type Encoding = 'protobuf' | 'json';

function encodingOf(contentType: string | undefined): Encoding {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  // The OTLP spec names application/x-protobuf; a few clients send the registered application/protobuf.
  if (mediaType === 'application/x-protobuf' || mediaType === 'application/protobuf') return 'protobuf';
  if (mediaType === 'application/json') return 'json';
  throw new HttpError(415, `Content-Type ${mediaType || '(none)'} is not OTLP; send application/x-protobuf or application/json`);
}

/** Starts a receiver listening for OTLP/HTTP trace exports in protobuf and in JSON. */
export async function startTraceReceiver(options: TraceReceiverOptions = {}): Promise<TraceReceiver> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const store = new TraceStore({ quietMs: options.quietMs ?? 2000, maxSpans: options.maxSpans ?? 200_000, onTrace: options.onTrace ?? (() => {}) });

  async function accept(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0]!;
    if (path !== TRACES_PATH) throw new HttpError(404, `nothing at ${path}; this receiver takes traces only, at POST ${TRACES_PATH}`);
    if (request.method !== 'POST') throw new HttpError(405, `${TRACES_PATH} takes POST, not ${request.method}`);
    const encoding = encodingOf(request.headers['content-type']);
    const body = await readRequestBody(request, maxBodyBytes);
    store.add(encoding === 'protobuf' ? decodeProtobufRequest(body) : decodeJsonRequest(body.toString('utf8')));
    // An empty ExportTraceServiceResponse: every span accepted.
    if (encoding === 'protobuf') response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end(encodeProtobufResponse());
    else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON_RESPONSE);
  }

  function refuse(request: IncomingMessage, response: ServerResponse, error: unknown): void {
    const status = error instanceof HttpError ? error.status : error instanceof OtlpPayloadError ? 400 : 500;
    const fullMessage = error instanceof Error ? error.message : String(error);
    const message = fullMessage.length > 300 ? `${fullMessage.slice(0, 300)}...` : fullMessage;
    try {
      options.onRefused?.({ method: request.method ?? '?', path: (request.url ?? '/').split('?')[0]!, status, message });
    } catch (callbackError) {
      console.error(`traces | onRefused failed: ${(callbackError as Error).stack ?? String(callbackError)}`);
    }
    if (response.headersSent || response.destroyed) return;
    const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
    if (status === 405) headers.allow = 'POST';
    // The rest of an oversized body is not worth reading: answer, then close the connection instead of draining it.
    if (status === 413) headers.connection = 'close';
    response.writeHead(status, headers).end(`${message}\n`);
  }

  const server = createServer((request, response) => {
    // Whatever a request holds, it is answered: nothing a client sends may throw out of here and end the process.
    accept(request, response)
      .catch((error: unknown) => refuse(request, response, error))
      .catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`cannot listen on ${host}:${options.port ?? 0}: ${error.code === 'EADDRINUSE' ? 'the port is in use' : error.message}`, { cause: error })),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;

  return {
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    spans: () => store.spans(),
    trace: (traceId) => store.trace(traceId),
    waitForSpans: (predicate, timeoutMs) => store.waitForSpans(predicate, timeoutMs),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Exporters keep connections alive between batches; close() would otherwise wait for them to time out.
        server.closeAllConnections();
      }).then(() => store.close());
      return closing;
    },
  };
}

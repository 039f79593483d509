import { Client, credentials, Metadata, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { deepList, toJsonText, type FuzzValue } from './fuzz-value.js';
import type { RenderedOperation } from './graphql-render.js';

// How each kind of case reaches the shop, and what comes back, reduced to what the checks look at.

/** Longer than any answer may take: a request still unanswered then counts as no answer at all. */
export const ANSWER_TIMEOUT_MS = 20_000;

/** What a GraphQL request got: HTTP status, the codes of its errors, and whether its root field was refused. */
export interface GraphQLAnswer {
  status: number;
  codes: string[];
  /** The root field failed itself (or the request failed before running): a refused mutation, when it is one. */
  refused: boolean;
  /** The root field ran, but an error below it nulled the answer through non-null fields: `data: null`. */
  nulledBelow: boolean;
  text: string;
}

/** Sends one operation over POST (JSON) or GET (query string, with Apollo's CSRF preflight header). */
export async function sendGraphQL(url: string, operation: RenderedOperation, transport: 'post' | 'get', authorization: string | undefined): Promise<GraphQLAnswer> {
  const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
  const signal = AbortSignal.timeout(ANSWER_TIMEOUT_MS);
  let response: Response;
  if (transport === 'get') {
    const search = new URLSearchParams({ query: operation.query, variables: toJsonText(operation.variables) });
    response = await fetch(`${url}/graphql?${search}`, { headers: { ...headers, 'apollo-require-preflight': 'true' }, signal });
  } else {
    const body = toJsonText({ query: operation.query, variables: operation.variables });
    response = await fetch(`${url}/graphql`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body, signal });
  }
  const text = await response.text();
  let parsed: { data?: Record<string, unknown> | null; errors?: { path?: unknown[]; extensions?: { code?: string } }[] } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // Not JSON (a 4xx page of node:http, say): no codes to count.
  }
  const errors = Array.isArray(parsed.errors) ? parsed.errors : [];
  const codes = errors.map((error) => error.extensions?.code ?? 'NO_CODE');
  // Refused: no execution at all (no data), or an error of the root field itself. An error deeper down can null
  // the whole answer through non-null fields after the root field ran, so it says nothing about what was written.
  const refused = parsed.data === undefined || errors.some((error) => !error.path || error.path.length <= 1);
  const nulledBelow = !refused && errors.length > 0 && (parsed.data === null || Object.values(parsed.data ?? {}).includes(null));
  return { status: response.status, codes, refused, nulledBelow, text };
}

/** What a gRPC call got: its status name, and the domain code the service sent with it. */
export interface GrpcAnswer {
  status: string;
  code: number;
  details: string;
}

/** One plain grpc-js client per service address; requests go as bytes, so anything can be sent. */
export class RawGrpcClients {
  private readonly clients = new Map<string, Client>();

  /** Calls `path` on `address` with `request` as the message bytes and `authorization` as metadata. */
  call(address: string, path: string, request: Buffer, authorization: string | undefined): Promise<GrpcAnswer> {
    let client = this.clients.get(address);
    if (!client) {
      client = new Client(address, credentials.createInsecure());
      this.clients.set(address, client);
    }
    const metadata = new Metadata();
    // One value: grpc-js refuses to send two authorization values (INTERNAL on the client side, never sent).
    if (authorization !== undefined) metadata.set('authorization', authorization);
    const identity = (bytes: Buffer) => bytes;
    return new Promise((resolve) => {
      client.makeUnaryRequest(path, identity, identity, request, metadata, { deadline: Date.now() + ANSWER_TIMEOUT_MS }, (error?: ServiceError | null) => {
        const code = error ? error.code : GrpcStatus.OK;
        resolve({ status: GrpcStatus[code] ?? String(code), code, details: error?.details ?? '' });
      });
    });
  }

  /** Closes every client. */
  close(): void {
    for (const client of this.clients.values()) client.close();
  }
}

/** A fuzz value as protobufjs takes it: raw numbers and names as their text, variables as their value. */
export function toProtoObject(value: FuzzValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toProtoObject);
  if ('$raw' in value) return value.$raw;
  if ('$deep' in value) return deepList(value.$deep as number);
  if ('$name' in value) return value.$name;
  if ('$variable' in value) return toProtoObject(value.$variable as FuzzValue);
  return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, toProtoObject(inner)]));
}

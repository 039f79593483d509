import { connect } from 'node:net';
import fc from 'fast-check';

// HTTP requests no GraphQL client would send, written byte by byte on a socket: odd methods and request targets,
// bodies that are not JSON or not what their content type says, broken headers and chunking. Every request is
// complete (a body at least as long as its Content-Length), so the gateway never has to wait for the rest.

/** A raw HTTP request: method, target, extra headers, and a body. */
export interface RawHttpCase {
  kind: 'http';
  method: string;
  target: string;
  headers: [string, string][];
  body: string;
  /** How the body is framed: Content-Length, chunked, both, or neither. */
  framing: 'length' | 'chunked' | 'bad-chunked' | 'both' | 'none';
}

const weighted = <T>(...entries: [number, fc.Arbitrary<T>][]): fc.Arbitrary<T> => fc.oneof(...entries.map(([weight, arbitrary]) => ({ weight, arbitrary })));

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'FOO', 'get', 'POST ', 'P\u00d6ST'];

const TARGETS = [
  '/graphql', '/graphql?query=%7B__typename%7D', '/graphql?query=%7Bme%7Bid%7D%7D&variables=%7B', '/graphql?query=', '/graphql?query=%00', '/graphql?extensions=%7B%22persistedQuery%22%3A1%7D',
  '*', '//[', '//graphql', 'http://example.com/graphql', 'graphql', '/%', '/graphql%00', '/./graphql', '/../graphql', '/graphql/', '/GRAPHQL', '/graphql#frag',
  '/healthz', '/readyz', '/.well-known/jwks.json', '/playground', '/', '/favicon.ico', `/${'a'.repeat(8_000)}`, `/graphql?${'a=1&'.repeat(2_000)}`, '/\u00e9', '/graphql?query=%E9',
];

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'application/graphql', 'application/graphql-response+json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/ld+json', 'APPLICATION/JSON', '', 'application/json\u00ff'];

const BODIES = [
  '', '{', '}', '[]', '[{"query":"{__typename}"}]', 'null', '"query"', '12', 'true', '{"query":null}', '{"query":12}', '{"query":"{__typename}","variables":"x"}', '{"query":"{__typename}","variables":[]}',
  '{"query":"{__typename}","operationName":12}', '{"query":"{__typename}","extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}', '{"query":"{ me { id } }"}', '{"query":"{__typename}"}garbage',
  '{"query":"{__typename}",}', "{'query':'{__typename}'}", '{"query":"\\ud800"}', '{"query":"{__typename}","variables":{"a":1e999}}', `{"query":"{__typename}","variables":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
  `{"a":${'['.repeat(200_000)}`, '\u0000\u0000\u0000', '\ufeff{"query":"{__typename}"}', 'query=%7B__typename%7D', `{"query":"${'x'.repeat(1_100_000)}"}`, '{"__proto__":{"query":"{__typename}"}}',
];

/** Any raw request. */
export const rawHttpCase: fc.Arbitrary<RawHttpCase> = fc.record({
  kind: fc.constant('http' as const),
  method: weighted([4, fc.constantFrom('GET', 'POST')], [3, fc.constantFrom(...METHODS)]),
  target: weighted([3, fc.constant('/graphql')], [4, fc.constantFrom(...TARGETS)], [1, fc.string({ unit: 'binary-ascii', maxLength: 30 }).map((text) => `/${text.replace(/[\r\n]/g, '')}`)]),
  headers: fc.array(
    weighted<[string, string]>(
      [4, fc.constantFrom(...CONTENT_TYPES).map((type): [string, string] => ['Content-Type', type])],
      [1, fc.constantFrom<[string, string]>(['Authorization', 'Bearer'], ['Authorization', 'Basic dXNlcjpwYXNz'], ['Authorization', `Bearer ${'x'.repeat(5_000)}`], ['Authorization', 'Bearer a.b.c'])],
      [1, fc.constantFrom<[string, string]>(['apollo-require-preflight', 'true'], ['Origin', 'http://evil.example'], ['Accept', 'text/html'], ['Accept', 'application/graphql-response+json'], ['Host', ''], ['Expect', '100-continue'], ['Content-Encoding', 'gzip'], ['X-Huge', 'y'.repeat(20_000)], ['Bad Header', 'x'], ['X-Ctl', 'a\u0001b'], ['Content-Length', 'abc'], ['Content-Length', '-1'], ['Upgrade', 'websocket'])],
    ),
    { maxLength: 3 },
  ),
  body: weighted([4, fc.constantFrom(...BODIES)], [1, fc.string({ unit: 'binary', maxLength: 200 })]),
  framing: weighted<RawHttpCase['framing']>([8, fc.constant('length')], [1, fc.constantFrom('chunked', 'bad-chunked', 'both', 'none')]),
});

/** The answer to a raw request: its status (0 when the gateway closed the socket without one) and how long it took. */
export interface RawHttpAnswer {
  status: number;
  head: string;
}

/** Sends `request` to `port` on its own connection and reads the status line of the answer. */
export function sendRawHttp(port: number, request: RawHttpCase, timeoutMs: number): Promise<RawHttpAnswer> {
  const body = Buffer.from(request.body, 'utf8');
  const lines = [`${request.method} ${request.target} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: close', ...request.headers.map(([name, value]) => `${name}: ${value}`)];
  let payload: Buffer = body;
  if (request.framing === 'length' || request.framing === 'both') lines.push(`Content-Length: ${body.length}`);
  if (request.framing === 'chunked' || request.framing === 'both' || request.framing === 'bad-chunked') {
    lines.push('Transfer-Encoding: chunked');
    const size = request.framing === 'bad-chunked' ? 'zz' : body.length.toString(16);
    payload = Buffer.concat([Buffer.from(`${size}\r\n`), body, Buffer.from(body.length > 0 ? '\r\n0\r\n\r\n' : '\r\n')]);
  }
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      // The first final status: a 100 Continue may come before it.
      const statuses = [...text.matchAll(/^HTTP\/1\.[01] (\d{3})/gm)].map((match) => Number(match[1]));
      resolve({ status: statuses.find((status) => status >= 200) ?? statuses[0] ?? 0, head: text.slice(0, 300) });
    };
    const timer = setTimeout(finish, timeoutMs);
    // Written, not ended: a half-closed socket makes node:http drop the request unanswered.
    socket.on('connect', () => socket.write(Buffer.concat([head, payload])));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', finish);
    socket.on('close', finish);
  });
}

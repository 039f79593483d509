import { describe, expect, it } from '@jest/globals';
import { formatMs, formatTrace } from './format-trace.js';
import { receivedSpan } from './otlp-fixtures.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const OTHER_TRACE = '0af7651916cd43dd8448eb211c80319c';

describe('formatTrace', () => {
  it('prints a header, then each span indented under its parent, orphans last, links under their span', () => {
    const sql = 'INSERT INTO orders (id, account_id, status, total_cents, currency, created_at)\n       VALUES ($1, $2, $3, $4, $5, now())';
    const spans = [
      receivedSpan({ traceId: TRACE, spanId: 'root', name: 'POST /graphql', kind: 'SERVER', service: 'gateway', startMs: 0, durationMs: 48.2, attributes: { 'graphql.operation.name': 'PlaceOrder', 'http.method': 'POST' } }),
      receivedSpan({ traceId: TRACE, spanId: 'call', parentSpanId: 'root', name: 'shop.order.v1.OrderService/PlaceOrder', kind: 'CLIENT', service: 'gateway', startMs: 5, durationMs: 30, attributes: { 'rpc.method': 'PlaceOrder' } }),
      receivedSpan({ traceId: TRACE, spanId: 'serve', parentSpanId: 'call', name: 'shop.order.v1.OrderService/PlaceOrder', kind: 'SERVER', service: 'order', startMs: 6, durationMs: 28, attributes: { 'shop.order_id': 'ord_42' } }),
      receivedSpan({ traceId: TRACE, spanId: 'sql', parentSpanId: 'serve', name: 'INSERT', kind: 'CLIENT', service: 'order', startMs: 7, durationMs: 3.2, attributes: { 'db.statement': sql } }),
      receivedSpan({ traceId: TRACE, spanId: 'auth', parentSpanId: 'root', name: 'authenticate', kind: 'INTERNAL', service: 'gateway', startMs: 1, durationMs: 1 }),
      receivedSpan({
        traceId: TRACE,
        spanId: 'consume',
        parentSpanId: 'gone',
        name: 'order.placed process',
        kind: 'CONSUMER',
        service: 'catalog',
        startMs: 40,
        durationMs: 5,
        attributes: { 'shop.error_code': 'OUT_OF_STOCK' },
        status: { code: 'ERROR', message: 'out of stock' },
        links: [{ traceId: OTHER_TRACE, spanId: 'b7ad6b7169203331', attributes: {} }],
      }),
    ];
    expect(formatTrace(spans).split('\n')).toEqual([
      `trace ${TRACE}  gateway POST /graphql  48.2 ms  6 spans`,
      '  gateway  POST /graphql  SERVER  48.2 ms  graphql.operation.name=PlaceOrder',
      '    gateway  authenticate  INTERNAL  1.00 ms',
      '    gateway  shop.order.v1.OrderService/PlaceOrder  CLIENT  30.0 ms  rpc.method=PlaceOrder',
      '      order  shop.order.v1.OrderService/PlaceOrder  SERVER  28.0 ms  shop.order_id=ord_42',
      '        order  INSERT  CLIENT  3.20 ms  db.statement="INSERT INTO orders (id, account_id, status, total_cents, currency, created_at)…"',
      '  catalog  order.placed process  CONSUMER  5.00 ms  ERROR: out of stock  shop.error_code=OUT_OF_STOCK  (parent not received)',
      `    ↪ linked from ${OTHER_TRACE}/b7ad6b7169203331`,
    ]);
  });

  it('says so when the root span did not arrive, and keeps text from the network from steering the terminal', () => {
    const spans = [
      receivedSpan({ traceId: TRACE, spanId: 'a', parentSpanId: 'missing', name: 'evil\u001b[2J\nname', service: 'x\u0007', kind: 'UNSPECIFIED', durationMs: 12 }),
    ];
    expect(formatTrace(spans).split('\n')).toEqual([
      `trace ${TRACE}  (root span not received)  12.0 ms  1 span`,
      '  x   evil [2J name  12.0 ms  (parent not received)',
    ]);
  });

  it('formats durations with two decimals under 10 ms and one above', () => {
    expect([formatMs(0.004), formatMs(9.994), formatMs(12.34), formatMs(1234.56)]).toEqual(['0.00 ms', '9.99 ms', '12.3 ms', '1234.6 ms']);
  });
});

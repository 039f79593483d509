import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTraceReceiver, type TraceReceiver } from '../traces/trace-receiver.js';
import { formatTrace } from '../traces/format-trace.js';
import type { ReceivedSpan } from '../traces/received-span.js';
import { answerField, gatewayGraphql, shopForTests } from './shop-under-test.js';

// `pnpm start` with OTEL_EXPORTER_OTLP_ENDPOINT pointed at `pnpm traces`'s receiver: one createOrder through the
// gateway must be one trace across the processes and the saga: gateway -> order -> account and catalog, order's
// SQL, the relay's publish, the catalog's handling and its SQL, the outcome's publish, order's settling. The
// structure is read from the spans the apps export, not from logs.

const ADMIN_PASSWORD = 'traces-test-admin-password';

const field = answerField;

/** The spans from `span` up to its root, within its trace. */
function ancestors(span: ReceivedSpan, trace: readonly ReceivedSpan[]): ReceivedSpan[] {
  const chain: ReceivedSpan[] = [];
  for (let parent = trace.find((candidate) => candidate.spanId === span.parentSpanId); parent; parent = trace.find((candidate) => candidate.spanId === parent!.parentSpanId)) {
    chain.push(parent);
  }
  return chain;
}

describe.each(['http/protobuf', 'http/json'])('traces of pnpm start, exported over %s', (protocol) => {
  let receiver: TraceReceiver;
  beforeAll(async () => {
    receiver = await startTraceReceiver({ port: 0, quietMs: 500 });
  });
  afterAll(() => receiver?.close());
  const local = shopForTests('traces', {
    extraEnv: () => ({ ADMIN_PASSWORD, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: protocol, LOG_LEVEL: 'debug' }),
  });
  const graphql = (query: string, variables: Record<string, unknown>, token?: string) => gatewayGraphql(local.env, query, variables, token);

  it('make one createOrder one trace, through the outbox and the stock saga to the settled order', async () => {
    const admin = field<{ accessToken: string }>(await graphql(`mutation { login(email: "admin@shop.local", password: "${ADMIN_PASSWORD}") { accessToken } }`, {}), 'login');
    const product = field<{ id: string }>(
      await graphql('mutation AddProduct($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
        input: { name: 'Traced kettle', description: 'Boils, observed.', price: { amount: '9.90', currencyCode: 'EUR' }, stock: 3 },
      }, admin.accessToken),
      'createProduct',
    );
    const order = await graphql('mutation PlaceOrder($input: CreateOrderInput!) { createOrder(input: $input) { id } }', { input: { accountId: null, items: [{ productId: product.id, quantity: 1 }] } }, admin.accessToken);
    expect(order.errors).toBeUndefined();

    const isCreateOrder = (span: ReceivedSpan) => span.service === 'order' && span.kind === 'SERVER' && span.name.endsWith('OrderService/CreateOrder');
    const isSettling = (span: ReceivedSpan) => span.service === 'order' && span.kind === 'CONSUMER' && span.name === 'process shop.catalog.v1.StockReserved';
    const spans = await receiver.waitForSpans((all) => {
      const server = all.find(isCreateOrder);
      if (!server) return false;
      const trace = all.filter((span) => span.traceId === server.traceId);
      const settling = trace.find(isSettling);
      return (
        ['gateway', 'account', 'catalog'].every((service) => trace.some((span) => span.service === service && span.kind === 'SERVER')) &&
        trace.some((span) => span.service === 'order' && span.name.startsWith('pg.query')) &&
        settling !== undefined &&
        trace.some((span) => span.parentSpanId === settling.spanId && span.name.startsWith('pg.query'))
      );
    }, 60_000);
    const createOrder = spans.find(isCreateOrder)!;
    const trace = spans.filter((span) => span.traceId === createOrder.traceId);
    process.stdout.write(`${formatTrace(trace)}\n`);

    // The gateway's HTTP request is the root, and order's CreateOrder is called from within it.
    const root = trace.find((span) => span.parentSpanId === undefined)!;
    expect([root.service, root.kind]).toEqual(['gateway', 'SERVER']);
    expect(root.attributes).toMatchObject({ 'graphql.operation.name': 'PlaceOrder', 'graphql.operation.type': 'mutation', 'shop.caller_role': 'admin' });
    // The caller is named by role only: no token or email on any span.
    expect(JSON.stringify(trace.map((span) => span.attributes), (_, value: unknown) => (typeof value === 'bigint' ? String(value) : value))).not.toMatch(/Bearer|admin@shop\.local|eyJ/);
    const createOrderCaller = trace.find((span) => span.spanId === createOrder.parentSpanId)!;
    expect([createOrderCaller.service, createOrderCaller.kind]).toEqual(['gateway', 'CLIENT']);
    expect(ancestors(createOrder, trace).at(-1)).toBe(root);
    expect(createOrder.attributes).toMatchObject({ 'rpc.method': 'CreateOrder', 'shop.order_id': field<{ id: string }>(order, 'createOrder').id, 'shop.caller_role': 'admin' });
    // Order's calls to account and catalog are its own CLIENT spans, under CreateOrder.
    for (const service of ['account', 'catalog']) {
      const served = trace.filter((span) => span.service === service && span.kind === 'SERVER');
      const fromOrder = served.filter((span) => ancestors(span, trace).includes(createOrder));
      expect({ service, calledFromCreateOrder: fromOrder.length > 0 }).toEqual({ service, calledFromCreateOrder: true });
      for (const span of fromOrder) expect(trace.find((candidate) => candidate.spanId === span.parentSpanId)).toMatchObject({ service: 'order', kind: 'CLIENT' });
    }
    // Order's SQL is inside CreateOrder, and carries statements without values.
    const sql = trace.filter((span) => span.service === 'order' && span.name.startsWith('pg.query') && ancestors(span, trace).includes(createOrder));
    expect(sql.length).toBeGreaterThan(0);

    // Then the events, in causal order: order's relay publishes OrderCreated; the catalog's saga handles it (with
    // its SQL); the catalog's relay publishes StockReserved; order settles the order (with its SQL).
    const one = (description: string, test: (span: ReceivedSpan) => boolean) => {
      const found = trace.filter(test);
      expect({ description, found: found.length }).toEqual({ description, found: 1 });
      return found[0]!;
    };
    const createdPublish = one('order publishes OrderCreated', (span) => span.service === 'order' && span.kind === 'PRODUCER' && span.name.startsWith('publish shop.order.order.created.'));
    expect(ancestors(createdPublish, trace)[0]).toBe(createOrder);
    const reserving = one('the catalog handles OrderCreated', (span) => span.service === 'catalog' && span.kind === 'CONSUMER' && span.name === 'process shop.order.v1.OrderCreated');
    expect(reserving.parentSpanId).toBe(createdPublish.spanId);
    expect(reserving.attributes['shop.order_id']).toBe(field<{ id: string }>(order, 'createOrder').id);
    expect(trace.some((span) => span.service === 'catalog' && span.name.startsWith('pg.query') && span.parentSpanId === reserving.spanId)).toBe(true);
    const reservedPublish = one('the catalog publishes StockReserved', (span) => span.service === 'catalog' && span.kind === 'PRODUCER' && span.name.startsWith('publish shop.catalog.stock_reservation.reserved.'));
    expect(ancestors(reservedPublish, trace)).toContain(reserving);
    const settling = one('order settles the order', isSettling);
    expect(settling.parentSpanId).toBe(reservedPublish.spanId);
    // Log lines written inside a span carry its ids: order's log of the CreateOrder call names this trace.
    const logged = local.shop
      .output()
      .split('\n')
      .filter((line) => line.startsWith('order ') && line.includes('OrderService/CreateOrder'))
      .map((line) => JSON.parse(line.slice(line.indexOf('{'))) as { trace_id?: string; span_id?: string });
    expect(logged.some((line) => line.trace_id === createOrder.traceId && typeof line.span_id === 'string')).toBe(true);
    // Batches of the saga are spans of their own, linked to the traces of their events.
    const batches = receiver.spans().filter((span) => span.name.startsWith('process batch of') && span.links.some((link) => link.traceId === createOrder.traceId));
    expect([...new Set(batches.map((span) => span.service))].sort()).toEqual(['catalog', 'order']);
  }, 180_000);
});

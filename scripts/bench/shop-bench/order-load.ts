// P6 of `pnpm bench`, in a process of its own: createOrder through the gateway at a fixed rate (open loop: a
// slow answer never slows the next request), each order's settling heard on NATS (OrderConfirmed or
// OrderRejected, as the relay publishes them). Prints one JSON line: the rates, the errors, and the
// creation-to-settled latency (from sending createOrder to hearing the outcome).
import { performance } from 'node:perf_hooks';
import { connectNats } from '@shop/nats';
// The root package does not depend on @shop/events; like the other benches, import it by path.
import { decodeEnvelope } from '../../../packages/events/src/index.js';

/** What the parent hands over, as JSON in argv[2]. */
export interface OrderLoadPlan {
  gatewayUrl: string;
  natsUrl: string;
  token: string;
  accountIds: string[];
  productIds: string[];
  ratePerSecond: number;
  seconds: number;
  /** How long to wait for the last orders to settle after the sending stops. */
  drainSeconds: number;
}

/** What the run saw. */
export interface OrderLoadResult {
  offeredPerSecond: number;
  sent: number;
  created: number;
  /** Requests not sent because this many were already waiting for an answer (the system fell behind). */
  skipped: number;
  errors: Record<string, number>;
  createdPerSecond: number;
  settled: number;
  unsettled: number;
  /** Orders settled per second, from the first request to the last outcome heard. */
  settledPerSecond: number;
  settleP50Ms: number;
  settleP99Ms: number;
  settleMaxMs: number;
}

const MAX_IN_FLIGHT = 512;
const SETTLED_TYPES = new Set(['shop.order.v1.OrderConfirmed', 'shop.order.v1.OrderRejected']);

const plan = JSON.parse(process.argv[2]!) as OrderLoadPlan;
const nats = await connectNats(plan.natsUrl, 'bench-order-load');
const settledAt = new Map<string, number>();
let lastSettled = 0;
nats.subscribe('shop.order.order.>', {
  callback: (error, message) => {
    if (error) return;
    const envelope = decodeEnvelope(message.data);
    if (!SETTLED_TYPES.has(envelope.eventType)) return;
    lastSettled = performance.now();
    settledAt.set(envelope.aggregateId, lastSettled);
  },
});
await nats.flush();

const sentAt = new Map<string, number>();
const errors: Record<string, number> = {};
let sent = 0;
let skipped = 0;
let inFlight = 0;
const mutation = 'mutation ($input: CreateOrderInput!) { createOrder(input: $input) { id status } }';
const headers = { 'content-type': 'application/json', authorization: `Bearer ${plan.token}` };

const countError = (kind: string) => (errors[kind] = (errors[kind] ?? 0) + 1);

async function createOrder(n: number): Promise<void> {
  const input = { accountId: plan.accountIds[n % plan.accountIds.length], items: [{ productId: plan.productIds[(n * 7) % plan.productIds.length], quantity: 1 }] };
  const started = performance.now();
  inFlight += 1;
  try {
    const response = await fetch(plan.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query: mutation, variables: { input } }) });
    const body = (await response.json()) as { data?: { createOrder?: { id: string } }; errors?: { extensions?: { code?: string } }[] };
    const id = body.data?.createOrder?.id;
    if (id) sentAt.set(id, started);
    else countError(body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`);
  } catch (error) {
    countError((error as Error).name);
  } finally {
    inFlight -= 1;
  }
}

const total = Math.round(plan.ratePerSecond * plan.seconds);
const start = performance.now();
const requests: Promise<void>[] = [];
await new Promise<void>((resolve) => {
  const timer = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * plan.ratePerSecond));
    while (sent < due) {
      if (inFlight >= MAX_IN_FLIGHT) skipped += 1;
      else requests.push(createOrder(sent));
      sent += 1;
    }
    if (sent >= total) {
      clearInterval(timer);
      resolve();
    }
  }, 2);
});
await Promise.all(requests);
const createdBy = performance.now();
const drainUntil = performance.now() + plan.drainSeconds * 1000;
while (performance.now() < drainUntil && [...sentAt.keys()].some((id) => !settledAt.has(id))) await new Promise((resolve) => setTimeout(resolve, 50));
await nats.close();

const latencies = [...sentAt].flatMap(([id, at]) => (settledAt.has(id) ? [settledAt.get(id)! - at] : [])).sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
const result: OrderLoadResult = {
  offeredPerSecond: plan.ratePerSecond,
  sent,
  created: sentAt.size,
  skipped,
  errors,
  createdPerSecond: sentAt.size / ((createdBy - start) / 1000),
  settled: latencies.length,
  unsettled: sentAt.size - latencies.length,
  settledPerSecond: latencies.length / ((Math.max(lastSettled, createdBy) - start) / 1000),
  settleP50Ms: at(0.5),
  settleP99Ms: at(0.99),
  settleMaxMs: latencies.at(-1) ?? 0,
};
process.stdout.write(`${JSON.stringify(result)}\n`);

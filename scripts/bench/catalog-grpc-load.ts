// The load of `pnpm bench:catalog-grpc`, in a process of its own so it does not share the servers' event loop:
// `concurrency` GetProduct calls in flight against `address` for `seconds`, then one JSON line of what it saw.
import { CatalogClient } from '@shop/catalog/client';

const [address, productId, secondsText, concurrencyText] = process.argv.slice(2);
const seconds = Number(secondsText);
const concurrency = Number(concurrencyText);
const client = CatalogClient.connect(address!);
await client.get(productId!); // connect and warm up before the clock starts

const latencies: number[] = [];
let errors = 0;
const end = performance.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const started = performance.now();
      try {
        await client.get(productId!);
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  }),
);
client.close();
latencies.sort((a, b) => a - b);
const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
process.stdout.write(`${JSON.stringify({ calls: latencies.length, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors })}\n`);

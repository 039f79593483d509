import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The process's one registry: every shop series is registered here (not in prom-client's global registry, which
 * any dependency may write to), and the /metrics server serves it.
 */
export const metricsRegistry = new Registry();

let collecting = false;

/**
 * Adds Node's process series (resident memory, heap, event-loop delay, GC, handles) and labels every series with
 * the app's name. Called once by each app's main; calling it again does nothing.
 */
export function collectProcessMetrics(app: string): void {
  if (collecting) return;
  collecting = true;
  metricsRegistry.setDefaultLabels({ service: app });
  // 10 ms: event-loop delay is sampled often enough to see a stall of one request, cheaply.
  collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: 10 });
}

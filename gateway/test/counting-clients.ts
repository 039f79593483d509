import type { GatewayClients } from '../src/app.js';

/** Every client call made through the wrapped clients, as "service.method", in call order. */
export type CallLog = string[];

/** Wraps real clients so a test can count the calls a query costs (batching is the point of the loaders). */
export function countCalls(clients: GatewayClients): { clients: GatewayClients; calls: CallLog } {
  const calls: CallLog = [];
  const wrap = <T extends object>(service: string, client: T): T =>
    new Proxy(client, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(`${service}.${String(property)}`);
          return (value as (...args: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return {
    clients: { accounts: wrap('accounts', clients.accounts), catalog: wrap('catalog', clients.catalog), orders: wrap('orders', clients.orders) },
    calls,
  };
}

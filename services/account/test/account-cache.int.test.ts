import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { waitFor } from '@shop/testing';
import type { AccountApp } from '../src/app.js';
import type { AccountClient } from '../src/client/index.js';
import { registerCustomer, startAccountApp, startAccountTestApp, type AccountTestApp } from './account-test-app.js';

// Two replicas of the account service on one database and the test NATS, each with its own account cache: a
// change made through A reaches B's cache as an event. The time it takes is printed, not asserted (these machines
// are shared and noisy); that every change arrives, and that B answered from its cache meanwhile, is.

let replicaA: AccountTestApp;
let replicaB: { app: AccountApp; client: AccountClient };

beforeAll(async () => {
  replicaA = await startAccountTestApp('account_cache', { nats: true });
  replicaB = await startAccountApp(replicaA.config);
  await waitFor('both caches to be live', () => replicaA.app.accountCache.enabled && replicaB.app.accountCache.enabled);
});

afterAll(async () => {
  replicaB.client.close();
  await replicaB.app.stop();
  await replicaA.stop();
});

it('answers from B’s cache, and B answers each change made through A (a name, then a role) once its event arrives', async () => {
  const admin = replicaA.admin.auth;
  const customer = await registerCustomer(replicaA.client, { name: 'Cached 0' });
  const id = customer.account.id;
  expect((await replicaB.client.get(id, admin)).name).toBe('Cached 0');
  const hitsBefore = replicaB.app.accountCache.stats().hits;
  await replicaB.client.get(id, admin);
  expect(replicaB.app.accountCache.stats().hits).toBe(hitsBefore + 1);

  const lags: number[] = [];
  for (let i = 1; i <= 50; i += 1) {
    await replicaA.client.update(id, { name: `Cached ${i}` }, admin);
    const changed = performance.now();
    for (;;) {
      const seen = (await replicaB.client.get(id, admin)).name;
      if (seen === `Cached ${i}`) break;
      expect(seen).toBe(`Cached ${i - 1}`);
      if (performance.now() - changed > 10_000) throw new Error(`replica B still answers "${seen}" 10 s after the change`);
    }
    lags.push(performance.now() - changed);
  }
  // A role change is written by the credentials, not the account repository: it reaches B's cache all the same.
  await replicaA.client.setRole(id, 'ADMIN', admin);
  await waitFor('B to answer the new role', async () => (await replicaB.client.get(id, admin)).role === 'ADMIN');
  expect((await replicaA.client.get(id, admin)).role).toBe('ADMIN');

  const sorted = [...lags].sort((a, b) => a - b);
  const stats = replicaB.app.accountCache.stats();
  process.stdout.write(
    `account cache, change through A until B answers it (50 changes): p50 ${sorted[24]!.toFixed(1)} ms, p99 ${sorted[49]!.toFixed(1)} ms; B's cache: ${stats.hits} hits, ${stats.misses} misses\n`,
  );
});

it('answers a role change at once through the replica that made it', async () => {
  const admin = replicaA.admin.auth;
  const customer = await registerCustomer(replicaA.client, { name: 'Promoted' });
  await replicaA.client.get(customer.account.id, admin);
  await replicaA.client.setRole(customer.account.id, 'ADMIN', admin);
  expect((await replicaA.client.get(customer.account.id, admin)).role).toBe('ADMIN');
});

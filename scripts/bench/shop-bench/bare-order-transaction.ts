// P6's baseline in `pnpm bench`: what Postgres alone does with createOrder's transaction. `connections` clients
// run, back to back for `seconds`, the statements the order service runs for a one-line order (the order row,
// its item, its OrderCreated outbox row and the relay's wake-up), on copies of those tables in a schema of the
// order database that nothing else reads (the relay never sees these rows). Answers transactions per second.
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';

const TABLES = ['orders', 'order_items', 'outbox'] as const;

export async function bareOrderTransactions(databaseUrl: string, seconds: number, connections: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  try {
    await pool.query('DROP SCHEMA IF EXISTS bench_bare CASCADE; CREATE SCHEMA bench_bare');
    for (const table of TABLES) await pool.query(`CREATE TABLE bench_bare.${table} (LIKE public.${table} INCLUDING ALL)`);
    const payload = randomBytes(180); // about the size of a one-line OrderCreated
    const end = Date.now() + seconds * 1000;
    let done = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        const client = await pool.connect();
        try {
          while (Date.now() < end) {
            const orderId = randomUUID();
            const now = new Date();
            await client.query('BEGIN');
            await client.query({ name: 'bare-order', text: 'INSERT INTO bench_bare.orders (id, account_id, status, created_at, updated_at, version) VALUES ($1, $2, $3, $4, $4, 1)', values: [orderId, randomUUID(), 'PENDING', now] });
            await client.query({
              name: 'bare-items',
              text: `INSERT INTO bench_bare.order_items (order_id, position, product_id, product_name, unit_price_minor, currency_code, quantity)
                     SELECT $1, * FROM unnest($2::int[], $3::uuid[], $4::text[], $5::bigint[], $6::text[], $7::int[])`,
              values: [orderId, [0], [randomUUID()], ['Bench kettle'], [1999], ['USD'], [1]],
            });
            await client.query({
              name: 'bare-outbox',
              text: `INSERT INTO bench_bare.outbox (event_id, event_type, aggregate_type, aggregate_id, aggregate_version, occurred_at, traceparent, tracestate, payload, actor)
                     VALUES ($1, 'shop.order.v1.OrderCreated', 'order', $2, 1, $3, '', '', $4, NULL)`,
              values: [randomUUID(), orderId, now, payload],
            });
            await client.query("SELECT pg_notify('bench_bare', '')");
            await client.query('COMMIT');
            done += 1;
          }
        } finally {
          client.release();
        }
      }),
    );
    return done / seconds;
  } finally {
    await pool.query('DROP SCHEMA IF EXISTS bench_bare CASCADE').catch(() => {});
    await pool.end();
  }
}

/** Waits (up to 60 s) until the order database has no PENDING order left: the saga has caught up. */
export async function waitForSettling(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let waited = 0; waited < 60_000; waited += 200) {
      const { rows } = await client.query<{ pending: number }>("SELECT count(*)::int AS pending FROM orders WHERE status = 'PENDING'");
      if (rows[0]!.pending === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await client.end();
  }
}

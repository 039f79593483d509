// `pnpm seed` and the compose seed service: loads the sample catalog, a few customers and their orders into a
// running shop (pnpm start or docker compose up). It signs in as the first admin to create products and customers
// (each with the sample password), and each new customer signs in to place its own orders. Safe to run twice:
// products are created only when no product has the name, customers only when the email is free, and orders only
// for customers this run created. Ends with a login to try in the playground.
import { AccountClient } from '@shop/account/client';
import { CatalogClient, type ProductView } from '@shop/catalog/client';
import { DomainError } from '@shop/errors';
import { parseDecimal } from '@shop/money';
import { OrderClient } from '@shop/order/client';
import { SeedSetupError, signIn, signInAsAdmin, type Session } from './admin-sign-in.js';
import { readSeedConfig } from './config.js';
import { SAMPLE_CUSTOMER_PASSWORD, sampleAccounts, sampleProducts } from './sample-products.js';

const config = readSeedConfig();
const accounts = AccountClient.connect(config.ACCOUNT_GRPC_ADDRESS);
const catalog = CatalogClient.connect(config.CATALOG_GRPC_ADDRESS);
const orders = OrderClient.connect(config.ORDER_GRPC_ADDRESS);

async function allProducts(): Promise<ProductView[]> {
  const found: ProductView[] = [];
  let pageToken: string | undefined;
  do {
    const page = await catalog.list({ pageSize: 100, pageToken });
    found.push(...page.products);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return found;
}

async function seedProducts(admin: Session): Promise<ProductView[]> {
  const existing = new Set((await allProducts()).map((product) => product.name));
  const missing = sampleProducts.filter((product) => !existing.has(product.name));
  for (const product of missing) {
    const price = { amountMinor: parseDecimal(product.price, 'USD', 'price', 'SEED.PRICE'), currencyCode: 'USD' };
    await catalog.create({ name: product.name, description: product.description, price, stock: product.stock }, admin);
  }
  console.log(`products: ${missing.length} created, ${sampleProducts.length - missing.length} already there`);
  return allProducts();
}

async function seedCustomersAndOrders(admin: Session, products: ProductView[]): Promise<void> {
  let created = 0;
  let placed = 0;
  for (const [index, input] of sampleAccounts.entries()) {
    const account = await accounts.create({ ...input, password: SAMPLE_CUSTOMER_PASSWORD }, admin).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'ACCOUNT.EMAIL_TAKEN') return undefined;
      throw error;
    });
    if (!account) continue;
    created += 1;
    const customer = await signIn(accounts, input.email, SAMPLE_CUSTOMER_PASSWORD);
    for (let n = 0; n < 2; n += 1) {
      const lines = [0, 1, 2].map((k) => products[(index * 7 + n * 3 + k * 11) % products.length]!);
      const items = [...new Map(lines.map((product, k) => [product.id, { productId: product.id, quantity: k + 1 }])).values()];
      await orders.create({ items }, customer);
      placed += 1;
    }
  }
  console.log(`customers: ${created} created, ${sampleAccounts.length - created} already there; orders: ${placed} placed, each by its customer`);
}

/** The first sample customer that signs in with the sample password (one made before passwords existed does not). */
async function sampleLogin(): Promise<string> {
  for (const { email } of sampleAccounts) {
    const works = await signIn(accounts, email, SAMPLE_CUSTOMER_PASSWORD).then(
      () => true,
      (error: unknown) => (error instanceof DomainError && error.kind === 'UNAUTHENTICATED' ? false : Promise.reject(error)),
    );
    if (works) return `sample login: ${email} / ${SAMPLE_CUSTOMER_PASSWORD}`;
  }
  return `no sample customer signs in with ${SAMPLE_CUSTOMER_PASSWORD} (they predate passwords?): register one in the playground instead`;
}

try {
  const admin = await signInAsAdmin(accounts, config);
  await seedCustomersAndOrders(admin, await seedProducts(admin));
  console.log(await sampleLogin());
} catch (error) {
  const hint = error instanceof SeedSetupError ? '' : '\nIs the shop running? Start it with `pnpm start` or `docker compose up`.';
  console.error(`seed failed: ${(error as Error).message}${hint}`);
  process.exitCode = 1;
} finally {
  accounts.close();
  catalog.close();
  orders.close();
}

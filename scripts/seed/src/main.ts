// `pnpm seed` and the compose seed service: loads the sample catalog, a few accounts and their orders into a
// running shop (pnpm start or docker compose up). Safe to run twice: products are created only when no product
// has the name, accounts only when the email is free, and orders only for accounts this run created.
import { AccountClient } from '@shop/account/client';
import { CatalogClient, type ProductView } from '@shop/catalog/client';
import { DomainError } from '@shop/errors';
import { parseDecimal } from '@shop/money';
import { OrderClient } from '@shop/order/client';
import { readSeedConfig } from './config.js';
import { sampleAccounts, sampleProducts } from './sample-products.js';

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

async function seedProducts(): Promise<ProductView[]> {
  const existing = new Set((await allProducts()).map((product) => product.name));
  const missing = sampleProducts.filter((product) => !existing.has(product.name));
  for (const product of missing) {
    await catalog.create({
      name: product.name,
      description: product.description,
      price: { amountMinor: parseDecimal(product.price, 'USD', 'price', 'SEED.PRICE'), currencyCode: 'USD' },
      stock: product.stock,
    });
  }
  console.log(`products: ${missing.length} created, ${sampleProducts.length - missing.length} already there`);
  return allProducts();
}

async function seedAccountsAndOrders(products: ProductView[]): Promise<void> {
  let created = 0;
  let placed = 0;
  for (const [index, input] of sampleAccounts.entries()) {
    const account = await accounts.create(input).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'ACCOUNT.EMAIL_TAKEN') return undefined;
      throw error;
    });
    if (!account) continue;
    created += 1;
    for (let n = 0; n < 2; n += 1) {
      const lines = [0, 1, 2].map((k) => products[(index * 7 + n * 3 + k * 11) % products.length]!);
      const items = [...new Map(lines.map((product, k) => [product.id, { productId: product.id, quantity: k + 1 }])).values()];
      await orders.create({ accountId: account.id, items });
      placed += 1;
    }
  }
  console.log(`accounts: ${created} created, ${sampleAccounts.length - created} already there; orders: ${placed} placed`);
}

try {
  await seedAccountsAndOrders(await seedProducts());
} catch (error) {
  console.error(`seed failed: ${(error as Error).message}\nIs the shop running? Start it with \`pnpm start\` or \`docker compose up\`.`);
  process.exitCode = 1;
} finally {
  accounts.close();
  catalog.close();
  orders.close();
}

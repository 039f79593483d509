import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EXAMPLE_LOGIN } from '../../src/http/playground.js';
import { graphql, startShop, type ShopHarness } from './shop-harness.js';

// The playground in a real browser (Debian's Chromium, installed by .ci/run), used as its example says: browse,
// sign in, put the token in the Headers tab, read the caller's own orders; and no request leaves this machine.

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let shop: ShopHarness;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does`);
  shop = await startShop('e2e_playground');
  const products: string[] = [];
  for (const name of ['Zephyrkettle 1.7 L', 'Stoneware Mug, Sand']) {
    const created = await shop.admin<{ createProduct: { id: string } }>('mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
      input: { name, description: 'Seeded for the playground test.', price: { amount: '16.00', currencyCode: 'USD' }, stock: 3 },
    });
    products.push(created.data!.createProduct.id);
  }
  // The sample customer the example signs in as, with an order of its own.
  const ada = await graphql<{ register: { accessToken: string } }>(shop.url, 'mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }', {
    input: { name: 'Ada Lovelace', ...EXAMPLE_LOGIN },
  });
  await graphql(shop.url, 'mutation ($p: ID!) { createOrder(input: { items: [{ productId: $p, quantity: 2 }] }) { id } }', { p: products[0] }, ada.data!.register.accessToken);
  // Playwright gives each launch a new, empty profile of its own.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await shop?.stop();
});

/** The text the page shows (the result pane is a Monaco editor, which renders spaces as no-break spaces). */
function shownText(): string {
  return document.body.innerText.replace(/\u00a0/g, ' ');
}

/** Runs one operation of the example document: ▶, then its name in the menu GraphiQL offers. Answers its JSON. */
async function runOperation(page: Page, name: string): Promise<Record<string, unknown>> {
  const answered = page.waitForResponse((response) => response.url().endsWith('/graphql') && response.request().postData()?.includes(`"operationName":"${name}"`) === true);
  await page.locator('.graphiql-execute-button').click();
  await page.getByRole('menuitem', { name }).click();
  const response = await answered;
  expect(response.status()).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('the playground', () => {
  it('signs in with its example, takes the token in the Headers tab, and shows the caller’s orders, offline', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));

    await page.goto(`${shop.url}/playground`, { waitUntil: 'load' });
    await page.locator('.graphiql-execute-button').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(page.title()).resolves.toBe('Shop GraphQL playground');

    const products = await runOperation(page, 'Products');
    expect(JSON.stringify(products)).toContain('Zephyrkettle 1.7 L');
    await page.waitForFunction(() => document.body.innerText.replace(/\u00a0/g, ' ').includes('Stoneware Mug, Sand'), undefined, { timeout: 15_000 });

    const login = (await runOperation(page, 'Login')) as { data: { login: { accessToken: string } } };
    const token = login.data.login.accessToken;
    await page.getByRole('button', { name: 'Headers' }).click();
    const headers = page.locator('.graphiql-editor-tool .graphiql-editor').last();
    await headers.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));

    const mine = (await runOperation(page, 'MyOrders')) as { data: { me: { email: string; orders: { edges: unknown[] } } } };
    expect(mine.data.me.email).toBe(EXAMPLE_LOGIN.email);
    expect(mine.data.me.orders.edges).toHaveLength(1);
    await page.waitForFunction(() => document.body.innerText.replace(/\u00a0/g, ' ').includes('"email": "ada@example.com"'), undefined, { timeout: 15_000 });
    expect(await page.evaluate(shownText)).toContain('Zephyrkettle 1.7 L');
    await page.screenshot({ path: '.data/playground.png' });

    const origin = new URL(shop.url).origin;
    const foreign = requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
    await page.close();
  }, 90_000);
});

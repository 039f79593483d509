import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startShop, type ShopHarness } from './shop-harness.js';

// The playground in a real browser (Debian's Chromium, installed by .ci/run): it loads, runs its example
// query against a seeded shop, shows the result, and no request leaves this machine.

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let shop: ShopHarness;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does`);
  shop = await startShop('e2e_playground');
  for (const name of ['Zephyrkettle 1.7 L', 'Stoneware Mug, Sand']) {
    await shop.admin('mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
      input: { name, description: 'Seeded for the playground test.', price: { amount: '16.00', currencyCode: 'USD' }, stock: 3 },
    });
  }
  // Playwright gives each launch a new, empty profile of its own.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await shop?.stop();
});

describe('the playground', () => {
  it('runs its example query offline and shows the seeded products', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));

    await page.goto(`${shop.url}/playground`, { waitUntil: 'load' });
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ state: 'visible', timeout: 30_000 });
    await expect(page.title()).resolves.toBe('Shop GraphQL playground');

    const answered = page.waitForResponse((response) => response.url().endsWith('/graphql') && response.request().method() === 'POST' && response.request().postData()?.includes('query Example') === true);
    await run.click();
    const response = await answered;
    expect(response.status()).toBe(200);
    // The result pane is a Monaco editor, which renders spaces as no-break spaces.
    const shown = () => document.body.innerText.replace(/\u00a0/g, ' ');
    await page.waitForFunction(`(${shown.toString()})().includes('Zephyrkettle 1.7 L')`, undefined, { timeout: 15_000 });
    expect(await page.evaluate(shown)).toContain('Stoneware Mug, Sand');
    await page.screenshot({ path: '.data/playground.png' });

    const origin = new URL(shop.url).origin;
    const foreign = requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(requested.some((url) => url === `${origin}/graphql`)).toBe(true);
    await page.close();
  }, 90_000);
});

interface ProductsAnswer {
  data?: { products: { edges: { node: { id: string; name: string } }[] } };
  errors?: { message: string }[];
}

async function products(baseUrl: string, query: string | undefined, first: number): Promise<string[]> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query Smoke($query: String, $first: Int) { products(query: $query, first: $first) { edges { node { id name } } } }',
      variables: { query, first },
    }),
    signal: AbortSignal.timeout(10_000),
  });
  const answer = (await response.json()) as ProductsAnswer;
  if (response.status !== 200 || answer.errors || !answer.data) {
    throw new Error(`products(query: ${JSON.stringify(query)}) answered ${response.status}: ${JSON.stringify(answer.errors ?? answer)}`);
  }
  return answer.data.products.edges.map((edge) => edge.node.name);
}

/** What the smoke queries saw, for the report. */
export interface SmokeResult {
  listed: string[];
  found: string[];
  playgroundBytes: number;
}

/**
 * The user's first minute, through the gateway's published port: list products, search for a seeded one
 * ("zephyr" must find the Zephyr kettles), and open the playground page.
 */
export async function smokeTest(baseUrl: string): Promise<SmokeResult> {
  const listed = await products(baseUrl, undefined, 5);
  if (listed.length === 0) throw new Error('products(first: 5) returned no product: the seed did not reach the catalog');
  const found = await products(baseUrl, 'zephyr', 10);
  if (!found.some((name) => /zephyr/i.test(name))) throw new Error(`products(query: "zephyr") found no seeded Zephyr product: ${JSON.stringify(found)}`);
  const playground = await fetch(`${baseUrl}/playground`, { signal: AbortSignal.timeout(10_000) });
  const html = await playground.text();
  if (playground.status !== 200 || !/text\/html/.test(playground.headers.get('content-type') ?? '') || !/<html/i.test(html)) {
    throw new Error(`GET /playground answered ${playground.status} ${playground.headers.get('content-type')}, not an HTML page`);
  }
  return { listed, found, playgroundBytes: html.length };
}

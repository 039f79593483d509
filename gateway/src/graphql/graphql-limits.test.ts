import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse, specifiedRules, validate } from 'graphql';
import { DEFAULT_GATEWAY_LIMITS } from '../config.js';
import { EXAMPLE_QUERY } from '../http/playground.js';
import { gatewaySchema } from './apollo-server.js';
import { costLimitRule } from './cost-limit.js';
import { graphqlLimitRules } from './graphql-limits.js';
import { tokenLimitMessage, tokenLimitParseOptions } from './token-limit.js';

const limits = DEFAULT_GATEWAY_LIMITS;

/** The cost the rule finds for `query` (read from its message with a limit of 0). */
function costOf(query: string): number {
  const errors = validate(gatewaySchema, parse(query), [costLimitRule(0)]);
  const found = /found (\S+)\.$/.exec(errors[0]?.message ?? '')?.[1];
  return Number(found);
}

/** Every error the gateway's parse and validation find in `query`, as messages. */
function limitErrors(query: string): string[] {
  try {
    return validate(gatewaySchema, parse(query, tokenLimitParseOptions(limits.GRAPHQL_MAX_TOKENS)), [...specifiedRules, ...graphqlLimitRules(limits)]).map((error) => error.message);
  } catch (error) {
    return [tokenLimitMessage((error as Error).message)];
  }
}

/** The operations the README shows: its graphql blocks, one operation per paragraph, and the queries in its curl lines. */
function readmeOperations(): string[] {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((match) => match[1]!.split(/\n\s*\n/));
  const curl = [...readme.matchAll(/"query":"((?:[^"\\]|\\.)*)"/g)].map((match) => JSON.parse(`"${match[1]!}"`) as string);
  return [...blocks, ...curl].map((text) => text.replace(/^\s*#.*$/gm, '').trim()).filter((text) => text !== '');
}

describe('the published queries', () => {
  const readme = readmeOperations();

  it('finds the README queries', () => {
    expect(readme.length).toBeGreaterThanOrEqual(8);
  });

  it.each(readme.map((query) => [query.slice(0, 60).replace(/\s+/g, ' '), query]))('the README query %s passes every limit, with cost well inside', (_name, query) => {
    expect(limitErrors(query)).toEqual([]);
    const cost = costOf(query);
    process.stdout.write(`README query cost ${cost} of ${limits.GRAPHQL_MAX_COST}: ${query.slice(0, 50).replace(/\s+/g, ' ')}\n`);
    expect(cost).toBeLessThanOrEqual(limits.GRAPHQL_MAX_COST / 5);
  });

  it('the playground example passes every limit, with cost well inside', () => {
    expect(limitErrors(EXAMPLE_QUERY)).toEqual([]);
    expect(costOf(EXAMPLE_QUERY)).toBeLessThanOrEqual(limits.GRAPHQL_MAX_COST / 20);
  });
});

describe('costLimitRule', () => {
  it('counts every field once, and a list by its page size: first, else the schema default', () => {
    // products 1 + edges 1 + 5 x (node 1 + id 1)
    expect(costOf('{ products(first: 5) { edges { node { id } } } }')).toBe(12);
    expect(costOf('{ products { edges { node { id } } } }')).toBe(2 + 20 * 2);
    expect(costOf('{ products(first: null) { edges { node { id } } } }')).toBe(2 + 20 * 2);
    // pageInfo is one object, whatever the page size
    expect(costOf('{ products(first: 5) { pageInfo { hasNextPage } } }')).toBe(3);
  });

  it('counts history by its first (default 50), order lines as 100, and multiplies nested lists through', () => {
    expect(costOf('{ productHistory(id: "x") { version } }')).toBe(1 + 50);
    expect(costOf('{ productHistory(id: "x", first: 3) { version } }')).toBe(1 + 3);
    expect(costOf('{ order(id: "x") { items { quantity } } }')).toBe(1 + 1 + 100);
    // products 1 + edges 1 + 10 x (node 1 + history 1 + 50 x version 1)
    expect(costOf('{ products(first: 10) { edges { node { history { version } } } } }')).toBe(2 + 10 * (2 + 50));
  });

  it('takes the worst case for a variable page size, and clamps literals to 1..100', () => {
    expect(costOf('query ($n: Int) { products(first: $n) { edges { node { id } } } }')).toBe(2 + 100 * 2);
    expect(costOf('{ products(first: 100000) { edges { node { id } } } }')).toBe(2 + 100 * 2);
    expect(costOf('{ products(first: -5) { edges { node { id } } } }')).toBe(2 + 1 * 2);
  });

  it('counts fragments and inline fragments where they are spread, a connection fragment with its page size', () => {
    const viaFragments = `{ products(first: 5) { ...Page } }
      fragment Page on ProductConnection { edges { node { ...Fields } } }
      fragment Fields on Product { id ... on Product { name } }`;
    expect(costOf(viaFragments)).toBe(2 + 5 * 3);
    expect(costOf('{ a: products(first: 5) { ...P } b: products(first: 7) { ...P } } fragment P on ProductConnection { edges { node { id } } }')).toBe(2 + 5 * 2 + 2 + 7 * 2);
  });

  it('counts introspection as one field, so GraphiQL can load the schema', () => {
    expect(costOf('{ __schema { types { name fields { name } } } }')).toBe(1);
  });

  it('names the limit and what it found', () => {
    const errors = validate(gatewaySchema, parse('{ products(first: 100) { edges { node { history(first: 100) { eventId version } } } } }'), [costLimitRule(20_000)]);
    expect(errors.map((error) => error.message)).toEqual(['Query cost limit of 20000 exceeded, found 20202.']);
  });
});

describe('tokenLimitMessage', () => {
  it("rewords graphql-js's token limit message and leaves others alone", () => {
    expect(tokenLimitMessage('Syntax Error: Document contains more that 1000 tokens. Parsing aborted.')).toBe('Syntax Error: Token limit of 1000 exceeded.');
    expect(tokenLimitMessage('Syntax Error: Expected Name, found <EOF>.')).toBe('Syntax Error: Expected Name, found <EOF>.');
  });
});

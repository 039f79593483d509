import type { ParseOptions } from 'graphql';

/**
 * Apollo's parse options for the token limit. graphql-js counts tokens as it lexes and stops past the limit,
 * so a huge document costs no more than the limit to refuse (GRAPHQL_PARSE_FAILED, HTTP 400). graphql-armor's
 * max-tokens plugin does the same through Envelop's parse hook, which Apollo does not have.
 */
export function tokenLimitParseOptions(maxTokens: number): ParseOptions {
  return { maxTokens };
}

// graphql-js: "Syntax Error: Document contains more that 1000 tokens. Parsing aborted." (sic)
const GRAPHQL_JS_TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:at|an) (\d+) tokens\./;

/** graphql-js's token-limit message reworded like the other limits ("Token limit of 1000 exceeded."); other messages unchanged. */
export function tokenLimitMessage(message: string): string {
  const match = GRAPHQL_JS_TOKEN_LIMIT.exec(message);
  return match ? `Syntax Error: Token limit of ${match[1]} exceeded.` : message;
}

import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

// Half of a UTF-16 surrogate pair, without the other half.
const UNPAIRED_SURROGATE = /\p{Surrogate}/u;

/**
 * Refuses variables holding text that is not valid Unicode (an unpaired surrogate, which JSON can carry as
 * `"\ud800"`) with BAD_USER_INPUT naming the variable's path, before anything runs. The services could not
 * refuse it themselves: the gRPC call would carry it as U+FFFD, silently changed. String literals in the
 * document need no check: graphql-js refuses them while parsing.
 */
export const unicodeGuardPlugin: ApolloServerPlugin = {
  requestDidStart: async () => ({
    didResolveOperation: async ({ request }) => {
      const path = unpairedSurrogatePath(request.variables ?? {});
      if (path === undefined) return;
      throw new GraphQLError(`${path} must be valid Unicode text (it holds an unpaired surrogate)`, {
        extensions: { code: 'BAD_USER_INPUT', field: path, http: { status: 400 } },
      });
    },
  }),
};

/** The path (`input.items[2].name`) of the first string under `variables` that holds an unpaired surrogate. */
export function unpairedSurrogatePath(variables: Record<string, unknown>): string | undefined {
  // Iterative, so deeply nested JSON cannot overflow the stack.
  const pending: [string, unknown][] = Object.entries(variables).reverse();
  while (pending.length > 0) {
    const [path, value] = pending.pop()!;
    if (typeof value === 'string') {
      if (UNPAIRED_SURROGATE.test(value)) return path;
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) pending.push([`${path}[${index}]`, value[index]]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value).reverse()) pending.push([`${path}.${key}`, inner]);
    }
  }
  return undefined;
}

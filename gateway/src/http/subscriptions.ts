import type { Server } from 'node:http';
import { parse, specifiedRules, validate, type ExecutionArgs, type GraphQLError } from 'graphql';
import { DomainError } from '@shop/errors';
import { ANONYMOUS, type Caller, type TokenVerifier } from '@shop/identity';
import type { Logger } from '@shop/logger';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../context.js';
import { formatGatewayError } from '../errors/graphql-error-mapping.js';
import { depthLimitRule } from '../graphql/depth-limit.js';
import { gatewaySchema } from '../graphql/apollo-server.js';

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol) on the gateway's port and path, /graphql.
 * The token travels in connection_init's payload as `{ "authorization": "Bearer <token>" }`: none is an
 * anonymous socket, a bad one closes the socket with 4403. The same schema, depth limit and error mapping as
 * HTTP. Returns the function that closes every socket on shutdown.
 */
export function serveSubscriptions(
  httpServer: Server,
  deps: { verifier: TokenVerifier; createContext: (caller: Caller) => GatewayContext },
  logger: Logger,
): () => Promise<void> {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  // The caller of each socket, found once at connection_init.
  const callers = new WeakMap<object, Caller>();
  // The same error mapping as HTTP: codes in extensions, no internals leaked.
  const format = formatGatewayError(logger);
  const formatErrors = (errors: readonly GraphQLError[]) =>
    errors.map((error) => {
      const internal = error.originalError && !(error.originalError instanceof DomainError) && !error.extensions?.code;
      const json = error.toJSON();
      return format(internal ? { ...json, extensions: { ...json.extensions, code: 'INTERNAL_SERVER_ERROR' } } : json, error);
    });
  const contextOf = (context: object) => deps.createContext(callers.get(context) ?? ANONYMOUS);
  const cleanup = useServer(
    {
      schema: gatewaySchema,
      onConnect: async (context) => {
        const authorization = context.connectionParams?.authorization;
        if (authorization === undefined) return true;
        if (typeof authorization !== 'string') return false;
        try {
          callers.set(context, await deps.verifier.authenticate([authorization]));
          return true;
        } catch (error) {
          // Keys that cannot be fetched now: graphql-ws closes with 4500 and this message, so the client retries.
          if (error instanceof DomainError && error.kind === 'UNAVAILABLE') throw new Error(error.message, { cause: error });
          // A refused token: graphql-ws closes the socket with 4403 Forbidden.
          return false;
        }
      },
      context: contextOf,
      onSubscribe: (context, _id, payload) => {
        const document = parse(payload.query);
        const errors = validate(gatewaySchema, document, [...specifiedRules, depthLimitRule()]);
        if (errors.length > 0) return errors;
        const args: ExecutionArgs = {
          schema: gatewaySchema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: contextOf(context),
        };
        return args;
      },
      onError: (_context, _id, _payload, errors) => formatErrors(errors),
      onNext: (_context, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatErrors(result.errors as GraphQLError[]) } : result),
    },
    wsServer,
  );
  return async () => {
    await cleanup.dispose();
  };
}

import type { Server } from 'node:http';
import { parse, specifiedRules, validate, type ExecutionArgs, type GraphQLError } from 'graphql';
import { DomainError } from '@shop/errors';
import type { Logger } from '@shop/logger';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../context.js';
import { formatGatewayError } from '../errors/graphql-error-mapping.js';
import { depthLimitRule } from '../graphql/depth-limit.js';
import { gatewaySchema } from '../graphql/apollo-server.js';

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol) on the gateway's port and path, /graphql.
 * The same schema, the same depth limit as HTTP. Returns the function that closes every socket on shutdown.
 */
export function serveSubscriptions(httpServer: Server, createContext: () => GatewayContext, logger: Logger): () => Promise<void> {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  // The same error mapping as HTTP: codes in extensions, no internals leaked.
  const format = formatGatewayError(logger);
  const formatErrors = (errors: readonly GraphQLError[]) =>
    errors.map((error) => {
      const internal = error.originalError && !(error.originalError instanceof DomainError) && !error.extensions?.code;
      const json = error.toJSON();
      return format(internal ? { ...json, extensions: { ...json.extensions, code: 'INTERNAL_SERVER_ERROR' } } : json, error);
    });
  const cleanup = useServer(
    {
      schema: gatewaySchema,
      context: createContext,
      onSubscribe: (_context, _id, payload) => {
        const document = parse(payload.query);
        const errors = validate(gatewaySchema, document, [...specifiedRules, depthLimitRule()]);
        if (errors.length > 0) return errors;
        const args: ExecutionArgs = { schema: gatewaySchema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue: createContext() };
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

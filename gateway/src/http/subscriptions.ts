import type { Server } from 'node:http';
import type { ExecutionArgs, GraphQLError } from 'graphql';
import { handleProtocols, makeServer } from 'graphql-ws';
import { WebSocketServer } from 'ws';
import { DomainError } from '@shop/errors';
import { ANONYMOUS, type Caller, type TokenVerifier } from '@shop/identity';
import type { Logger } from '@shop/logger';
import type { GatewayLimits, WebSocketSettings } from '../config.js';
import type { GatewayContext } from '../context.js';
import { formatGatewayError } from '../errors/graphql-error-mapping.js';
import { gatewaySchema } from '../graphql/apollo-server.js';
import { graphqlLimitRules } from '../graphql/graphql-limits.js';
import { serveGraphqlWs, SocketCloseError, type SocketExtra } from './graphql-ws-transport.js';
import { checkSubscription } from './subscription-operation.js';
import { websocketUpgradeListener } from './websocket-upgrade.js';

/** The settings the WebSocket reads: its own, the GraphQL limits it shares with HTTP, and the shutdown grace. */
export type SubscriptionSettings = Omit<WebSocketSettings, 'ORDER_FEED_RESTART_DELAY_MS'> &
  Pick<GatewayLimits, 'GRAPHQL_MAX_DEPTH' | 'GRAPHQL_MAX_ALIASES' | 'GRAPHQL_MAX_TOKENS' | 'GRAPHQL_MAX_COST'> & { SHUTDOWN_GRACE_MS: number };

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol) on the gateway's port and path, /graphql.
 * The handshake checks the Origin (websocket-upgrade.ts). The token travels in connection_init's payload as
 * `{ "authorization": "Bearer <token>" }`: none is an anonymous socket, a bad one closes the socket with 4403.
 * Only subscriptions run, with the same limits and error mapping as HTTP; a refused operation gets errors for its
 * id and the socket stays open. Messages over WS_MAX_PAYLOAD_BYTES close it with 1009. Returns the function
 * that closes every socket on shutdown.
 */
export function serveSubscriptions(
  httpServer: Server,
  deps: { verifier: TokenVerifier; createContext: (caller: Caller) => GatewayContext },
  settings: SubscriptionSettings,
  logger: Logger,
): () => Promise<void> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: settings.WS_MAX_PAYLOAD_BYTES, handleProtocols: (protocols) => handleProtocols(protocols) });
  // The caller of each socket, found once at connection_init.
  const callers = new WeakMap<object, Caller>();
  // The same error mapping as HTTP: codes in extensions, no internals leaked.
  const format = formatGatewayError(logger);
  // graphql-ws wraps what a subscription's stream throws in a GraphQLError without a path, which Apollo's
  // unwrapping ignores, so the original error is handed to the mapping itself.
  const formatErrors = (errors: readonly GraphQLError[]) =>
    errors.map((error) => {
      const original = error.originalError;
      const internal = original && !(original instanceof DomainError) && !error.extensions?.code;
      const json = error.toJSON();
      return format(internal ? { ...json, extensions: { ...json.extensions, code: 'INTERNAL_SERVER_ERROR' } } : json, original ?? error);
    });
  const checks = { maxTokens: settings.GRAPHQL_MAX_TOKENS, rules: graphqlLimitRules(settings), maxSubscriptions: settings.WS_MAX_SUBSCRIPTIONS };
  const server = makeServer<Record<string, unknown>, SocketExtra>({
    schema: gatewaySchema,
    connectionInitWaitTimeout: settings.WS_CONNECTION_INIT_TIMEOUT_MS,
    onConnect: async (context) => {
      const authorization = context.connectionParams?.authorization;
      if (authorization === undefined) return true;
      if (typeof authorization !== 'string') return false;
      try {
        callers.set(context, await deps.verifier.authenticate([authorization]));
        return true;
      } catch (error) {
        // Keys that cannot be fetched now: 1013 Try Again Later, which graphql-ws's client retries (4500 it does not).
        if (error instanceof DomainError && error.kind === 'UNAVAILABLE') throw new SocketCloseError(1013, 'token keys unavailable; try again later');
        // A refused token: graphql-ws closes the socket with 4403 Forbidden.
        return false;
      }
    },
    onSubscribe: (context, _id, payload) => {
      // graphql-ws has already entered this operation in context.subscriptions, so the count includes it.
      const checked = checkSubscription(payload, Object.keys(context.subscriptions).length, checks);
      if ('errors' in checked) return checked.errors;
      const args: ExecutionArgs = {
        schema: gatewaySchema,
        document: checked.document,
        variableValues: payload.variables,
        operationName: payload.operationName,
        contextValue: deps.createContext(callers.get(context) ?? ANONYMOUS),
      };
      return args;
    },
    onError: (_context, _id, _payload, errors) => formatErrors(errors),
    onNext: (_context, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatErrors(result.errors as GraphQLError[]) } : result),
  });
  const transport = serveGraphqlWs(wss, server, { keepAliveMs: settings.WS_KEEPALIVE_MS, logger });
  const onUpgrade = websocketUpgradeListener(wss, settings.CORS_ORIGINS);
  httpServer.on('upgrade', onUpgrade);
  return async () => {
    httpServer.off('upgrade', onUpgrade);
    await transport.close(settings.SHUTDOWN_GRACE_MS);
  };
}

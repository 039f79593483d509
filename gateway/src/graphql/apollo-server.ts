import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Logger } from '@shop/logger';
import type { GatewayContext } from '../context.js';
import { formatGatewayError } from '../errors/graphql-error-mapping.js';
import { resolvers } from '../resolvers/resolvers.js';
import { depthLimitRule } from './depth-limit.js';

/** The schema the gateway serves, read from gateway/schema.graphql (the same path from src/ and dist/). */
export const SCHEMA_FILE = new URL('../../schema.graphql', import.meta.url);

/** The executable schema, shared by Apollo (queries and mutations over HTTP) and graphql-ws (subscriptions). */
export const gatewaySchema = makeExecutableSchema({ typeDefs: readFileSync(SCHEMA_FILE, 'utf8'), resolvers });

/** Options of the Apollo server: the HTTP server it drains on stop, and for how long. */
export interface GatewayApolloOptions {
  httpServer: Server;
  logger: Logger;
  stopGracePeriodMs: number;
}

/**
 * The Apollo server of the gateway: schema-first, depth-limited, errors mapped in one place, no stack traces,
 * no landing page (ours is /playground, which needs introspection, so that stays on in every environment).
 */
export function createApolloServer(options: GatewayApolloOptions): ApolloServer<GatewayContext> {
  const { logger } = options;
  return new ApolloServer<GatewayContext>({
    schema: gatewaySchema,
    validationRules: [depthLimitRule()],
    formatError: formatGatewayError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // main.ts owns SIGTERM/SIGINT (onShutdownSignal); Apollo's own handlers would stop it a second time and re-raise the signal.
    stopOnTerminationSignals: false,
    logger: {
      debug: (message: unknown) => logger.debug(String(message)),
      info: (message: unknown) => logger.info(String(message)),
      warn: (message: unknown) => logger.warn(String(message)),
      error: (message: unknown) => logger.error(String(message)),
    },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer, stopGracePeriodMillis: options.stopGracePeriodMs }),
    ],
  });
}

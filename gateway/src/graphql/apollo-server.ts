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
import type { GatewayLimits } from '../config.js';
import { graphqlLimitRules } from './graphql-limits.js';
import { tokenLimitParseOptions } from './token-limit.js';
import { mutationPageArgumentsPlugin } from './mutation-page-arguments.js';
import { operationMetricsPlugin } from './operation-metrics.js';
import { traceAttributesPlugin } from './trace-attributes.js';
import { subscriptionsOverHttpPlugin } from './subscriptions-over-http.js';
import { unicodeGuardPlugin } from './unicode-guard.js';
import type { ValidationSafetyNet } from './validation-safety-net.js';

/** The schema the gateway serves, read from gateway/schema.graphql (the same path from src/ and dist/). */
export const SCHEMA_FILE = new URL('../../schema.graphql', import.meta.url);

/** The executable schema, shared by Apollo (queries and mutations over HTTP) and graphql-ws (subscriptions). */
export const gatewaySchema = makeExecutableSchema({ typeDefs: readFileSync(SCHEMA_FILE, 'utf8'), resolvers });

/** Options of the Apollo server: the HTTP server it drains on stop, and for how long; the GraphQL limits. */
export interface GatewayApolloOptions {
  httpServer: Server;
  logger: Logger;
  stopGracePeriodMs: number;
  limits: Pick<GatewayLimits, 'GRAPHQL_MAX_DEPTH' | 'GRAPHQL_MAX_ALIASES' | 'GRAPHQL_MAX_TOKENS' | 'GRAPHQL_MAX_COST'>;
  /** Notes requests whose validation threw, so the route answers them 400 rather than Apollo's 500. */
  safetyNet: ValidationSafetyNet;
}

/**
 * The Apollo server of the gateway: schema-first; tokens limited while parsing, depth, aliases and cost while
 * validating (all before any resolver runs); errors mapped in one place, no stack traces,
 * no landing page (ours is /playground, which needs introspection, so that stays on in every environment).
 */
export function createApolloServer(options: GatewayApolloOptions): ApolloServer<GatewayContext> {
  const { logger } = options;
  return new ApolloServer<GatewayContext>({
    schema: gatewaySchema,
    parseOptions: tokenLimitParseOptions(options.limits.GRAPHQL_MAX_TOKENS),
    validationRules: graphqlLimitRules(options.limits),
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
      operationMetricsPlugin,
      traceAttributesPlugin,
      options.safetyNet.plugin,
      unicodeGuardPlugin,
      subscriptionsOverHttpPlugin,
      mutationPageArgumentsPlugin(gatewaySchema),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer, stopGracePeriodMillis: options.stopGracePeriodMs }),
    ],
  });
}

import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Refuses a subscription sent over HTTP with 400 BAD_REQUEST, before anything runs: subscriptions are served
 * over WebSocket (graphql-ws) only. Apollo would otherwise execute the operation once like a query, and the
 * subscription field, which resolves only events, would answer INTERNAL_SERVER_ERROR.
 */
export const subscriptionsOverHttpPlugin: ApolloServerPlugin = {
  requestDidStart: async () => ({
    didResolveOperation: async ({ operation }) => {
      if (operation?.operation !== 'subscription') return;
      throw new GraphQLError('subscriptions run over WebSocket (graphql-ws) at /graphql; HTTP serves queries and mutations', {
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      });
    },
  }),
};

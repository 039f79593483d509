import type { ApolloServerPlugin } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import type { GatewayContext } from '../context.js';
import { operationLabel } from './operation-metrics.js';

/**
 * Names the GraphQL operation and the caller's role on the request's span (the HTTP server span the tracing
 * opened), never the caller's id, email or token. The operation name is the bounded label the metrics use. Without
 * tracing there is no active span, and this does nothing.
 */
export const traceAttributesPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse(requestContext) {
        const span = trace.getActiveSpan();
        if (!span) return;
        const operation = requestContext.operation;
        span.setAttribute('graphql.operation.name', operationLabel(requestContext.operationName, operation !== undefined));
        span.setAttribute('graphql.operation.type', operation?.operation ?? 'unknown');
        span.setAttribute('shop.caller_role', requestContext.contextValue.caller.kind);
        const body = requestContext.response.body;
        // The domain's stable code (errorCode, "ORDER.NOT_CANCELLABLE") where there is one, else GraphQL's.
        const extensions = body.kind === 'single' ? body.singleResult.errors?.[0]?.extensions : undefined;
        const code = extensions?.errorCode ?? extensions?.code;
        if (typeof code === 'string') span.setAttribute('shop.error_code', code.slice(0, 60));
      },
    };
  },
};

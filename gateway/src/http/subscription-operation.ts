import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ValidationRule } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { gatewaySchema } from '../graphql/apollo-server.js';
import { tokenLimitParseOptions } from '../graphql/token-limit.js';

/** Stable codes (`extensions.errorCode`) of the operations the WebSocket refuses itself. */
export const WebSocketErrorCode = {
  subscriptionsOnly: 'GATEWAY.SUBSCRIPTIONS_ONLY',
  tooManySubscriptions: 'GATEWAY.TOO_MANY_SUBSCRIPTIONS',
} as const;

/** The verdict on one subscribe message: the document to run, or the errors to answer for its id. */
export type SubscriptionCheck = { document: DocumentNode } | { errors: GraphQLError[] };

/** What decides whether one subscribe message may run. */
export interface SubscriptionChecks {
  /** The GraphQL limits, as HTTP applies them: the token limit while parsing, the rules while validating. */
  maxTokens: number;
  rules: readonly ValidationRule[];
  /** WS_MAX_SUBSCRIPTIONS. */
  maxSubscriptions: number;
}

/**
 * Checks one subscribe message of a socket that already has `openOperations` operations (this one included):
 * the socket's subscription limit, then parsing, then that it is a subscription (queries and mutations go over
 * HTTP, where CSRF prevention applies), then validation. Returns the document to run, or the errors to answer
 * for this operation id alone: nothing here throws, so nothing here closes the socket.
 */
export function checkSubscription(payload: SubscribePayload, openOperations: number, checks: SubscriptionChecks): SubscriptionCheck {
  if (openOperations > checks.maxSubscriptions) {
    return refusal(`a WebSocket holds at most ${checks.maxSubscriptions} subscriptions at once; complete one before starting another`, 'BAD_REQUEST', WebSocketErrorCode.tooManySubscriptions);
  }
  let document: DocumentNode;
  try {
    document = parse(payload.query, tokenLimitParseOptions(checks.maxTokens));
  } catch (error) {
    return { errors: [withCode(error, 'GRAPHQL_PARSE_FAILED', 'the document could not be parsed')] };
  }
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) {
    const message = payload.operationName ? `Unknown operation named "${payload.operationName}".` : 'Must provide operation name if query contains multiple operations.';
    return refusal(message, 'OPERATION_RESOLUTION_FAILURE');
  }
  if (operation.operation !== 'subscription') {
    return refusal(`only subscriptions run on the WebSocket; send a ${operation.operation} as an HTTP POST to /graphql`, 'BAD_REQUEST', WebSocketErrorCode.subscriptionsOnly);
  }
  try {
    const errors = validate(gatewaySchema, document, [...specifiedRules, ...checks.rules]);
    return errors.length > 0 ? { errors: errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')) } : { document };
  } catch (error) {
    // graphql-js throws instead of reporting on some documents (a stack overflow deep inside a rule).
    return { errors: [withCode(error, 'GRAPHQL_VALIDATION_FAILED', 'the document could not be validated')] };
  }
}

function refusal(message: string, code: string, errorCode?: string): SubscriptionCheck {
  return { errors: [new GraphQLError(message, { extensions: { code, ...(errorCode ? { errorCode } : {}) } })] };
}

/** A GraphQL error (with its locations) carrying `code`; anything else thrown becomes `fallback` with that code. */
function withCode(error: unknown, code: string, fallback = 'invalid document'): GraphQLError {
  if (!(error instanceof GraphQLError)) return new GraphQLError(fallback, { extensions: { code } });
  return new GraphQLError(error.message, { source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

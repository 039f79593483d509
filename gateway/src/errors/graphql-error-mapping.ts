import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, type ErrorKind } from '@shop/errors';
import type { Logger } from '@shop/logger';
import { tokenLimitMessage } from '../graphql/token-limit.js';

// The one place where domain errors (the gateway's own and the services', as RemoteErrors) become GraphQL errors.

/** The GraphQL `extensions.code` of each domain error kind (ARCHITECTURE.md, "Errors"). */
const graphqlCodeOfKind: Record<ErrorKind, string> = {
  INVALID_ARGUMENT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_EXISTS: 'CONFLICT',
  FAILED_PRECONDITION: 'FAILED_PRECONDITION',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  PERMISSION_DENIED: 'FORBIDDEN',
  RESOURCE_EXHAUSTED: 'RATE_LIMITED',
  UNAVAILABLE: 'UNAVAILABLE',
};

/** What every unexpected failure tells the client; the details go to the log only. */
export const INTERNAL_ERROR_MESSAGE = 'internal error';
/** What a failed call tells the client when no service answered (its details name hosts and ports). */
export const UNAVAILABLE_MESSAGE = 'a service the gateway needs is unavailable; try again later';

// Service field names that the GraphQL API spells differently (wire names are snake_case, paging is first/after).
const renamedSegments: Record<string, string> = { pageSize: 'first', pageToken: 'after', amountMinor: 'amount' };

/**
 * Translates a field named by a service into the name the client wrote: `page_size` -> `first`,
 * `page_token` -> `after`, `items[0].product_id` -> `items[0].productId`, `price.amount_minor` -> `price.amount`,
 * `ids[3]` -> `id`; the `requests[i].` of a batch call is dropped.
 */
export function toGraphQLField(serviceField: string): string {
  return serviceField
    .replace(/^requests\[\d+\]\./, '')
    .split('.')
    .map((segment) => {
      const [, name = segment, index = ''] = /^([^[]*)((?:\[\d+\])*)$/.exec(segment) ?? [];
      const camel = name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
      if (camel === 'ids') return 'id';
      return (renamedSegments[camel] ?? camel) + index;
    })
    .join('.');
}

/** The GraphQL error for a domain error: kind -> code, field in GraphQL names, the stable domain code as errorCode. */
export function fromDomainError(error: DomainError, formatted: Pick<GraphQLFormattedError, 'locations' | 'path'> = {}): GraphQLFormattedError {
  const field = error.field === undefined ? undefined : toGraphQLField(error.field);
  // Transport failures carry no domain code (grpc-kit names them GRPC.<status>) and their message is about sockets.
  const transportFailure = error.kind === 'UNAVAILABLE' && error.code.startsWith('GRPC.');
  let message = transportFailure ? UNAVAILABLE_MESSAGE : error.message;
  const retryAfterSeconds = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
  if (field !== undefined && field !== error.field) message = message.split(error.field!).join(field);
  return {
    message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: {
      code: graphqlCodeOfKind[error.kind],
      ...(field === undefined ? {} : { field }),
      errorCode: error.code,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    },
  };
}

// graphql-js stops coercing variables after 50 errors and adds this one, which carries no code of its own.
const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables';

/**
 * Apollo's formatError: domain errors map as above; Apollo's own errors (parse, validation, variables, bad
 * requests) keep their codes, and so does graphql-js's "too many variable errors", as BAD_USER_INPUT like the
 * errors before it; anything else is logged with its stack and answered as a bare INTERNAL_SERVER_ERROR.
 */
export function formatGatewayError(logger: Logger): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      if (original.kind === 'UNAVAILABLE') logger.warn({ err: original, path: formatted.path }, 'service unavailable');
      return fromDomainError(original, formatted);
    }
    if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED') return { ...formatted, message: tokenLimitMessage(formatted.message) };
    if (original instanceof GraphQLError && original.message.startsWith(VARIABLE_ERROR_LIMIT)) {
      return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
    logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL request');
    return {
      message: INTERNAL_ERROR_MESSAGE,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

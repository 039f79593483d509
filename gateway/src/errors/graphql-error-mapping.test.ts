import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { ConflictError, NotFoundError, PreconditionError, UnavailableError, ValidationError, type ErrorKind } from '@shop/errors';
import { RemoteError } from '@shop/grpc-kit';
import { createLogger } from '@shop/logger';
import { formatGatewayError, fromDomainError, INTERNAL_ERROR_MESSAGE, toGraphQLField, UNAVAILABLE_MESSAGE } from './graphql-error-mapping.js';

// gRPC status numbers the RemoteErrors below carry (the gateway does not depend on grpc-js itself).
const status = { UNKNOWN: 2, INVALID_ARGUMENT: 3, UNAVAILABLE: 14 } as const;

const formatError = formatGatewayError(createLogger('gateway-test', 'silent'));

/** An error as graphql-js hands a resolver failure to formatError: wrapped, with a path. */
function fromResolver(error: Error): { formatted: ReturnType<GraphQLError['toJSON']>; error: GraphQLError } {
  const wrapped = new GraphQLError(error.message, { path: ['account'], originalError: error });
  return { formatted: { ...wrapped.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error: wrapped };
}

describe('domain error -> GraphQL error', () => {
  it.each<[ErrorKind, string]>([
    ['INVALID_ARGUMENT', 'BAD_USER_INPUT'],
    ['NOT_FOUND', 'NOT_FOUND'],
    ['ALREADY_EXISTS', 'CONFLICT'],
    ['FAILED_PRECONDITION', 'FAILED_PRECONDITION'],
    ['UNAUTHENTICATED', 'UNAUTHENTICATED'],
    ['PERMISSION_DENIED', 'FORBIDDEN'],
    ['UNAVAILABLE', 'UNAVAILABLE'],
  ])('maps a remote %s to %s with the domain code as errorCode', (kind, code) => {
    const remote = new RemoteError(kind, 'X.SOMETHING', 'something happened', undefined, status.UNKNOWN);
    expect(fromDomainError(remote).extensions).toEqual({ code, errorCode: 'X.SOMETHING' });
  });

  it('maps the gateway’s own and local domain errors by kind as well', () => {
    expect(fromDomainError(new ValidationError('GATEWAY.INVALID_ID', 'id', 'id must be a UUID')).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'id',
      errorCode: 'GATEWAY.INVALID_ID',
    });
    expect(fromDomainError(new ConflictError('ACCOUNT.EMAIL_TAKEN', 'email taken', 'email')).extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
    expect(fromDomainError(new NotFoundError('A.NOT_FOUND', 'gone')).extensions?.code).toBe('NOT_FOUND');
    expect(fromDomainError(new PreconditionError('O.STATE', 'not now')).extensions?.code).toBe('FAILED_PRECONDITION');
  });

  it('names the field as the client wrote it, in the message too', () => {
    const remote = new RemoteError('INVALID_ARGUMENT', 'ORDER.INVALID_PAGE_SIZE', 'page_size must be between 1 and 100, got 101', 'page_size', status.INVALID_ARGUMENT);
    expect(fromDomainError(remote)).toEqual({
      message: 'first must be between 1 and 100, got 101',
      extensions: { code: 'BAD_USER_INPUT', field: 'first', errorCode: 'ORDER.INVALID_PAGE_SIZE' },
    });
  });

  it('keeps the transport details of an unreachable service out of the message', () => {
    const remote = new RemoteError('UNAVAILABLE', 'GRPC.UNAVAILABLE', 'No connection established. Last error: connect ECONNREFUSED 10.0.0.7:50052', undefined, status.UNAVAILABLE);
    expect(fromDomainError(remote)).toEqual({ message: UNAVAILABLE_MESSAGE, extensions: { code: 'UNAVAILABLE', errorCode: 'GRPC.UNAVAILABLE' } });
    const domain = new UnavailableError('ACCOUNT.STORE_UNAVAILABLE', 'the account database is unavailable');
    expect(fromDomainError(domain).message).toBe('the account database is unavailable');
  });
});

describe('toGraphQLField', () => {
  it.each([
    ['page_size', 'first'],
    ['page_token', 'after'],
    ['requests[3].page_token', 'after'],
    ['requests[0].page_size', 'first'],
    ['name', 'name'],
    ['email', 'email'],
    ['stock', 'stock'],
    ['query', 'query'],
    ['id', 'id'],
    ['ids[2]', 'id'],
    ['account_id', 'accountId'],
    ['accountId', 'accountId'],
    ['price.amount', 'price.amount'],
    ['price.amount_minor', 'price.amount'],
    ['price.currency_code', 'price.currencyCode'],
    ['items', 'items'],
    ['items[2].quantity', 'items[2].quantity'],
    ['items[0].product_id', 'items[0].productId'],
    ['items[0].productId', 'items[0].productId'],
  ])('%s -> %s', (serviceField, graphqlField) => {
    expect(toGraphQLField(serviceField)).toBe(graphqlField);
  });
});

describe('formatGatewayError', () => {
  it('maps a domain error thrown in a resolver, keeping path and locations', () => {
    const { formatted, error } = fromResolver(new ValidationError('GATEWAY.INVALID_ID', 'id', 'id must be a UUID, got "x"'));
    expect(formatError(formatted, error)).toEqual({
      message: 'id must be a UUID, got "x"',
      path: ['account'],
      extensions: { code: 'BAD_USER_INPUT', field: 'id', errorCode: 'GATEWAY.INVALID_ID' },
    });
  });

  it('hides anything unexpected behind a bare INTERNAL_SERVER_ERROR', () => {
    const { formatted, error } = fromResolver(new TypeError('cannot read x of undefined at /srv/gateway/src/app.ts:12'));
    expect(formatError(formatted, error)).toEqual({ message: INTERNAL_ERROR_MESSAGE, path: ['account'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('leaves Apollo’s own errors with their codes', () => {
    const validation = { message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(formatError(validation, new GraphQLError(validation.message))).toBe(validation);
  });

  it("answers graphql-js's error past 50 variable errors as BAD_USER_INPUT, like the errors before it", () => {
    const limit = new GraphQLError('Too many errors processing variables, error limit reached. Execution aborted.');
    expect(formatError({ message: limit.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, limit)).toEqual({ message: limit.message, extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('names the token limit like the other limits', () => {
    const message = 'Syntax Error: Document contains more that 1000 tokens. Parsing aborted.';
    const formatted = { message, locations: [{ line: 1, column: 2_001 }], extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    expect(formatError(formatted, new GraphQLError(message))).toEqual({ ...formatted, message: 'Syntax Error: Token limit of 1000 exceeded.' });
  });
});

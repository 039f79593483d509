import { describe, expect, it } from '@jest/globals';
import { Metadata, status } from '@grpc/grpc-js';
import { ConflictError, NotFoundError, PreconditionError, UnavailableError, ValidationError } from '@shop/errors';
import { ERROR_CODE_KEY, ERROR_FIELD_KEY, fromServiceError, toStatus } from './status-mapping.js';

describe('toStatus', () => {
  it.each([
    [new ValidationError('X.BAD', 'name', 'name must not be empty'), status.INVALID_ARGUMENT],
    [new NotFoundError('X.NOT_FOUND', 'x not found'), status.NOT_FOUND],
    [new ConflictError('X.TAKEN', 'taken', 'email'), status.ALREADY_EXISTS],
    [new PreconditionError('X.STATE', 'not now'), status.FAILED_PRECONDITION],
    [new UnavailableError('X.DOWN', 'down'), status.UNAVAILABLE],
  ])('maps %p to its status with code and field in metadata', (error, expected) => {
    const mapped = toStatus(error);
    expect(mapped.code).toBe(expected);
    expect(mapped.details).toBe(error.message);
    expect(mapped.metadata?.get(ERROR_CODE_KEY)).toEqual([error.code]);
    expect(mapped.metadata?.get(ERROR_FIELD_KEY)).toEqual(error.field === undefined ? [] : [error.field]);
  });

  it('hides anything unexpected behind a bare INTERNAL with no message or stack', () => {
    expect(toStatus(new TypeError('secret detail at /srv/app.js:12'))).toEqual({ code: status.INTERNAL, details: 'internal error' });
  });
});

describe('fromServiceError', () => {
  const serviceError = (code: status, metadata = new Metadata()) =>
    Object.assign(new Error('boom'), { code, details: 'remote said no', metadata });

  it('keeps the remote domain code, field and status', () => {
    const metadata = new Metadata();
    metadata.set(ERROR_CODE_KEY, 'ACCOUNT.EMAIL_TAKEN');
    metadata.set(ERROR_FIELD_KEY, 'email');
    expect(fromServiceError(serviceError(status.ALREADY_EXISTS, metadata))).toMatchObject({
      kind: 'ALREADY_EXISTS',
      code: 'ACCOUNT.EMAIL_TAKEN',
      field: 'email',
      status: status.ALREADY_EXISTS,
      message: 'remote said no',
    });
  });

  it.each([status.UNAVAILABLE, status.DEADLINE_EXCEEDED, status.INTERNAL, status.UNKNOWN])('treats status %p as the dependency being unavailable', (code) => {
    expect(fromServiceError(serviceError(code))).toMatchObject({ kind: 'UNAVAILABLE', code: `GRPC.${status[code]}` });
  });
});

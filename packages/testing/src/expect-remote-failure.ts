import { expect } from '@jest/globals';
import type { status } from '@grpc/grpc-js';

/** What a component test expects of a failed call: the gRPC status, the stable domain code, the field, the message. */
export interface ExpectedFailure {
  status: status;
  code: string;
  field?: string | undefined;
  message?: RegExp | undefined;
}

/** Awaits a client call that must fail and checks the RemoteError it failed with. */
export async function expectRemoteFailure(call: Promise<unknown>, expected: ExpectedFailure): Promise<void> {
  const error = await call.then(
    () => new Error('expected the call to fail, but it succeeded'),
    (reason: unknown) => reason,
  );
  expect(error).toMatchObject({ status: expected.status, code: expected.code, field: expected.field });
  if (expected.message) expect((error as Error).message).toMatch(expected.message);
}

import type { ServiceDefinition } from '@grpc/grpc-js';

/**
 * A one-method service definition whose messages are JSON, for transport tests that need no .proto: bytes that are
 * not JSON fail to decode, as a cut protobuf message does.
 */
export function jsonServiceDefinition(methodName: string, path: string): ServiceDefinition {
  const serialize = (value: unknown) => Buffer.from(JSON.stringify(value));
  const deserialize = (bytes: Buffer): unknown => JSON.parse(bytes.toString());
  return {
    [methodName]: {
      path,
      requestStream: false,
      responseStream: false,
      requestSerialize: serialize,
      requestDeserialize: deserialize,
      responseSerialize: serialize,
      responseDeserialize: deserialize,
    },
  };
}

import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import protobuf from 'protobufjs';
import { loaderOptions } from './loader-options.js';

let root: protobuf.Root | undefined;

/** Every .proto under shop/, loaded once into one protobufjs Root (the same files and include dir as loadSync). */
function shopRoot(): protobuf.Root {
  if (!root) {
    const includeDir = loaderOptions.includeDirs![0]!;
    const files = readdirSync(join(includeDir, 'shop'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.proto'))
      .map((file) => relative(includeDir, join(includeDir, 'shop', file)));
    const loaded = new protobuf.Root();
    loaded.resolvePath = (_origin, target) => (target.startsWith('google/') ? target : join(includeDir, target));
    loaded.loadSync(files, { keepCase: loaderOptions.keepCase ?? false });
    loaded.resolveAll();
    root = loaded;
  }
  return root;
}

function messageType(typeName: string): protobuf.Type {
  return shopRoot().lookupType(typeName);
}

/**
 * Encodes a message (a plain object shaped like the generated type, int64 as decimal strings) as protobuf
 * bytes. An unknown type name throws.
 */
export function encodeMessage(typeName: string, message: object): Uint8Array {
  const type = messageType(typeName);
  return type.encode(type.fromObject(message)).finish();
}

/** Decodes protobuf bytes into a plain object with the same conversions as the gRPC loader (int64 as strings, enums as names, defaults). */
export function decodeMessage<T>(typeName: string, bytes: Uint8Array): T {
  const type = messageType(typeName);
  return type.toObject(type.decode(bytes), {
    longs: String,
    enums: String,
    defaults: loaderOptions.defaults ?? false,
    oneofs: loaderOptions.oneofs ?? false,
  }) as T;
}

/** True when the Root knows the message type (the event registry checks its entries at start). */
export function isKnownMessageType(typeName: string): boolean {
  try {
    messageType(typeName);
    return true;
  } catch {
    return false;
  }
}

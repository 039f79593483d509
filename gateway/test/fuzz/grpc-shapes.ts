import { loadPackageDefinition, protoFiles, type PackageDefinition } from '@shop/proto';

// The request messages of every gRPC method of the three services, read from the proto package definitions the
// services themselves load, as plain shapes the fuzzer fills in.

/** The services the fuzzer calls directly. */
export type ServiceName = keyof typeof protoFiles;

/** The kind of one field as the fuzzer fills it. */
export type FieldKind = 'string' | 'int32' | 'int64' | 'bool' | 'enum' | 'message';

/** One field of a request message. */
export interface FieldShape {
  name: string;
  kind: FieldKind;
  repeated: boolean;
  enumValues: string[];
  message: MessageShape | null;
}

/** A request message: its fields, nested messages resolved. */
export interface MessageShape {
  name: string;
  fields: FieldShape[];
}

/** One method: where it is called, how a request object becomes bytes, and the shape of that object. */
export interface MethodShape {
  service: ServiceName;
  method: string;
  path: string;
  serialize: (request: unknown) => Buffer;
  request: MessageShape;
}

interface DescriptorField {
  name: string;
  type: string;
  typeName: string;
  label: string;
}
interface Descriptor {
  name: string;
  field?: DescriptorField[];
  nestedType?: Descriptor[];
  value?: { name: string }[];
}
interface MethodDefinition {
  path: string;
  requestSerialize: (request: unknown) => Buffer;
  requestType: { type: Descriptor };
}

const SCALAR_KINDS: Record<string, FieldKind> = {
  TYPE_STRING: 'string',
  TYPE_INT32: 'int32',
  TYPE_INT64: 'int64',
  TYPE_BOOL: 'bool',
  TYPE_ENUM: 'enum',
  TYPE_MESSAGE: 'message',
};

/** Every method of every service, in a stable order. */
export function loadMethodShapes(): MethodShape[] {
  const methods: MethodShape[] = [];
  for (const service of Object.keys(protoFiles) as ServiceName[]) {
    const definition = loadPackageDefinition(protoFiles[service]);
    const serviceKey = Object.keys(definition).find((key) => key.endsWith('Service'))!;
    for (const [method, value] of Object.entries(definition[serviceKey] as Record<string, MethodDefinition>)) {
      methods.push({ service, method, path: value.path, serialize: value.requestSerialize, request: messageShape(definition, value.requestType.type, []) });
    }
  }
  return methods;
}

function messageShape(definition: PackageDefinition, descriptor: Descriptor, scope: Descriptor[]): MessageShape {
  const inner = [descriptor, ...scope];
  const fields = (descriptor.field ?? []).map((field): FieldShape => {
    const kind = SCALAR_KINDS[field.type] ?? 'string';
    const named = kind === 'message' || kind === 'enum' ? lookUp(definition, field.typeName, inner) : undefined;
    return {
      name: field.name,
      kind,
      repeated: field.label === 'LABEL_REPEATED',
      enumValues: kind === 'enum' ? (named?.value ?? []).map((value) => value.name) : [],
      // Timestamps and other messages never nest back into themselves in these requests, so no cycle guard.
      message: kind === 'message' && named ? messageShape(definition, named, inner) : null,
    };
  });
  return { name: descriptor.name, fields };
}

/** Finds a message or enum by the (relative) name a field gives: nested types first, then the package's. */
function lookUp(definition: PackageDefinition, typeName: string, scope: Descriptor[]): Descriptor | undefined {
  const name = typeName.replace(/^\./, '');
  for (const enclosing of scope) {
    const nested = enclosing.nestedType?.find((candidate) => candidate.name === name);
    if (nested) return nested;
  }
  const key = Object.keys(definition).find((candidate) => candidate === name || candidate.endsWith(`.${name}`));
  return key ? (definition[key] as unknown as { type: Descriptor }).type : undefined;
}

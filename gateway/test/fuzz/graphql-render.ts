import type { FieldSelection, GraphQLCase } from './graphql-cases.js';
import { isDeep, isName, isRaw, isRef, isVariable, type FuzzValue } from './fuzz-value.js';

// A GraphQL case as the text a client sends: the document, with a variable declared for every argument that
// travels as one, and the variables object.

/** The document and variables of a case whose references are resolved. */
export interface RenderedOperation {
  query: string;
  variables: Record<string, FuzzValue>;
}

/** Writes the operation of `graphqlCase`; its references must be resolved already. */
export function renderOperation(graphqlCase: GraphQLCase): RenderedOperation {
  const declarations: string[] = [];
  const variables: Record<string, FuzzValue> = {};
  const declare = (value: FuzzValue, type: string, omitted = false): string => {
    const name = `v${declarations.length}`;
    declarations.push(`$${name}: ${type}`);
    if (!omitted) variables[name] = value;
    return `$${name}`;
  };

  const literal = (value: FuzzValue): string => {
    if (value === null) return 'null';
    if (typeof value === 'boolean') return String(value);
    if (typeof value === 'number') return numberLiteral(value);
    if (typeof value === 'string') return JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
    if (isRaw(value)) return value.$raw;
    if (isDeep(value)) return `${'['.repeat(value.$deep)}"bottom"${']'.repeat(value.$deep)}`;
    if (isName(value)) return value.$name;
    if (isVariable(value)) return declare(value.$variable, value.type);
    if (isRef(value)) throw new Error('resolve references before rendering');
    return `{${Object.entries(value)
      .map(([field, inner]) => `${field}: ${literal(inner)}`)
      .join(', ')}}`;
  };

  const field = (selection: FieldSelection): string => {
    const args = selection.args.map((arg) => `${arg.name}: ${arg.as === 'variable' ? declare(arg.value, arg.declaredType, arg.omitted) : literal(arg.value)}`);
    const head = `${selection.alias ? `${selection.alias}: ` : ''}${selection.field}${args.length > 0 ? `(${args.join(', ')})` : ''}`;
    return selection.selection ? `${head} { ${selection.selection.map(field).join(' ')} }` : head;
  };

  const body = wrap(graphqlCase, field(graphqlCase.root));
  const header = declarations.length > 0 ? `${graphqlCase.operation} Fuzz(${declarations.join(', ')})` : graphqlCase.operation;
  const second = graphqlCase.wrapping === 'two-operations' ? 'query Other { __typename } ' : '';
  return { query: `${second}${header} { ${body} }`, variables };
}

const ROOT_TYPES = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;

/** The root field as the case's wrapping writes it. */
function wrap(graphqlCase: GraphQLCase, field: string): string {
  switch (graphqlCase.wrapping) {
    case 'fragment':
      return `... on ${ROOT_TYPES[graphqlCase.operation]} { ${field} }`;
    case 'include':
      return `... @include(if: true) { ${field} }`;
    case 'skip':
      return `... @skip(if: false) { ${field} }`;
    case 'unknown-directive':
      return `... @fuzz { ${field} }`;
    case 'introspection':
      return `${field} __typename __type(name: ${JSON.stringify(graphqlCase.typeName)}) { name kind fields { name } } __schema { queryType { name } }`;
    default:
      return field;
  }
}

/** A number as a GraphQL literal: integers as they are, other finite numbers in exponent form, the rest as names. */
function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return Object.is(value, -0) ? '-0' : String(value);
  return value.toExponential();
}

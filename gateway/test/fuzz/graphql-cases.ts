import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { FuzzValue, RefKind } from './fuzz-value.js';
import { plausibleValue, SELDOM_SENT } from './plausible-values.js';
import {
  ANY_ID_KINDS,
  anyValue,
  currencyValue,
  cursorValue,
  decimalString,
  decimalValue,
  emailString,
  hostileString,
  idempotencyKeyValue,
  idString,
  idValue,
  int32Value,
  intValue,
  nameString,
  passwordString,
  roleValue,
  searchValue,
} from './hostile-values.js';

// GraphQL operations built from the gateway's executable schema: a random root field of Query, Mutation or
// Subscription, its arguments filled with boundary and hostile values (as literals or as variables), and a random
// selection below it (with arguments of their own, sometimes aliased). Cases come in three modes: plausible
// (values a client would send, one in five hostile, so happy paths run and each hostile value meets code that
// passed every check before it), typed (every value of its input's type but hostile within it, so the document
// passes validation and the values reach resolvers and services), and chaotic (wrong types, wrongly declared or
// missing variables, unknown arguments, fields under the wrong operation type, selections on leaves).

/** Who sends a request: nobody, the fuzz customer, the first admin, or someone with a token the shop never issued. */
export type Principal = 'anonymous' | 'customer' | 'admin' | 'bad-token';

/** One argument of a field, and how it travels. */
export interface GraphQLArgument {
  name: string;
  value: FuzzValue;
  as: 'literal' | 'variable';
  /** The type a variable is declared with: usually the argument's own, sometimes another. */
  declaredType: string;
  /** A declared variable the request leaves out of `variables`. */
  omitted: boolean;
}

/** One field of a selection, with its arguments and what is selected below it. */
export interface FieldSelection {
  field: string;
  alias: string | null;
  args: GraphQLArgument[];
  selection: FieldSelection[] | null;
}

/**
 * How the root field is written: plainly, inside an inline fragment, under @include/@skip, under a directive
 * nobody defined, beside introspection fields (`__type` with a hostile name), or in a document of two operations.
 */
export type RootWrapping = 'none' | 'fragment' | 'include' | 'skip' | 'unknown-directive' | 'introspection' | 'two-operations';

/** A GraphQL request to send: one root field, as whom, over POST or GET. */
export interface GraphQLCase {
  kind: 'graphql';
  as: Principal;
  transport: 'post' | 'get';
  operation: 'query' | 'mutation' | 'subscription';
  root: FieldSelection;
  wrapping: RootWrapping;
  /** The name `__type` asks for, with the introspection wrapping. */
  typeName: string;
}

const weighted = <T>(...entries: [number, fc.Arbitrary<T>][]): fc.Arbitrary<T> => fc.oneof(...entries.map(([weight, arbitrary]) => ({ weight, arbitrary })));

// Which records an id argument is about, by field; any kind may still come (a product id where an order's goes).
const ID_KINDS_BY_FIELD: Record<string, RefKind[]> = {
  account: ['customerId', 'otherCustomerId'],
  updateAccount: ['customerId', 'otherCustomerId'],
  setAccountRole: ['otherCustomerId'],
  accountHistory: ['customerId', 'otherCustomerId'],
  orders: ['customerId', 'otherCustomerId'],
  createOrder: ['customerId', 'otherCustomerId'],
  product: ['productId', 'deletedProductId'],
  updateProduct: ['productId', 'deletedProductId'],
  deleteProduct: ['productId', 'deletedProductId'],
  productHistory: ['productId', 'deletedProductId'],
  items: ['productId', 'deletedProductId'],
  order: ['customerOrderId', 'otherOrderId'],
  cancelOrder: ['customerOrderId', 'otherOrderId'],
  orderHistory: ['customerOrderId', 'otherOrderId'],
  orderStatusChanged: ['customerOrderId', 'otherOrderId'],
};

const WRONG_DECLARED_TYPES = ['String', 'Int', 'ID', 'ID!', '[ID!]!', 'Boolean', 'Float', 'Decimal', 'CreateOrderInput!', 'Role', 'NoSuchType', '[[String]]'];

/** Builds the arbitraries of one schema; selections are memoised by type and depth. */
export class GraphQLCaseArbitraries {
  private readonly selections = new Map<string, fc.Arbitrary<FieldSelection[]>>();

  private readonly wellTyped: boolean;

  private constructor(
    private readonly schema: GraphQLSchema,
    private readonly mode: 'plausible' | 'typed' | 'chaotic',
  ) {
    this.wellTyped = mode !== 'chaotic';
  }

  /** Any case: plausible, typed and chaotic in the ratio 3:2:1. */
  static case(schema: GraphQLSchema): fc.Arbitrary<GraphQLCase> {
    const of = (mode: GraphQLCaseArbitraries['mode']) => new GraphQLCaseArbitraries(schema, mode).case();
    return weighted([3, of('plausible')], [2, of('typed')], [1, of('chaotic')]);
  }

  /** A random root field of any operation type, as anyone, with hostile arguments and a random selection. */
  private case(): fc.Arbitrary<GraphQLCase> {
    const roots: [number, fc.Arbitrary<Pick<GraphQLCase, 'operation' | 'root'>>][] = [];
    const add = (operation: GraphQLCase['operation'], type: GraphQLObjectType | null | undefined, weight: number) => {
      if (!type) return;
      const root = fc.oneof(...Object.values(type.getFields()).map((field) => this.fieldSelection(field, field.name, 5)));
      // Now and then a field under the wrong operation type (a mutation's field in a query).
      const operationOf = this.wellTyped ? fc.constant(operation) : weighted<GraphQLCase['operation']>([10, fc.constant(operation)], [1, fc.constantFrom('query', 'mutation', 'subscription')]);
      roots.push([weight, fc.record({ operation: operationOf, root })]);
    };
    add('query', this.schema.getQueryType(), 4);
    add('mutation', this.schema.getMutationType(), 4);
    add('subscription', this.schema.getSubscriptionType(), 1);
    return fc
      .record({
        as: weighted<Principal>([3, fc.constant('anonymous')], [4, fc.constant('customer')], [4, fc.constant('admin')], [1, fc.constant('bad-token')]),
        transport: weighted<GraphQLCase['transport']>([9, fc.constant('post')], [1, fc.constant('get')]),
        rest: weighted(...roots),
        wrapping: this.wellTyped
          ? weighted<RootWrapping>([20, fc.constant('none')], [1, fc.constantFrom('fragment', 'include', 'skip', 'introspection')])
          : weighted<RootWrapping>([8, fc.constant('none')], [1, fc.constantFrom('fragment', 'include', 'skip', 'unknown-directive', 'introspection', 'two-operations')]),
        typeName: weighted([2, fc.constantFrom('Product', 'Query', 'Role', 'NoSuchType', '__Schema')], [1, hostileString]),
      })
      .map(({ as, transport, rest, wrapping, typeName }) => ({ kind: 'graphql' as const, as, transport, ...rest, wrapping, typeName }));
  }

  /** One field with arguments (now and then one it does not take) and a selection below. */
  private fieldSelection(field: GraphQLField<unknown, unknown>, context: string, depth: number): fc.Arbitrary<FieldSelection> {
    const args = field.args.map((arg) => this.argument(arg.name, arg.type, context));
    const bogus = fc.record({ name: fc.constant('bogus'), value: anyValue, as: fc.constant<'literal'>('literal'), declaredType: fc.constant('String'), omitted: fc.constant(false) });
    const unknownArg = this.wellTyped ? fc.constant(null) : fc.option(bogus, { freq: 20 });
    const named = getNamedType(field.type);
    const below = isObjectType(named) ? fc.integer({ min: 0, max: depth }).chain((inner) => this.selection(named, inner)) : fc.constant(null);
    // A chaotic case may forget an object's selection, or give a leaf one.
    const wrongBelow = fc.constant<FieldSelection[] | null>(isObjectType(named) ? null : [{ field: 'id', alias: null, args: [], selection: null }]);
    return fc.record({
      field: fc.constant(field.name),
      // Aliases named after their field never collide; a chaotic case's may (`a: id a: name` is a validation error).
      alias: this.wellTyped ? fc.option(fc.constant(`${field.name}Alias`), { freq: 8 }) : fc.option(fc.constantFrom('a', 'b', 'node'), { freq: 8 }),
      args: fc.tuple(fc.tuple(...args), unknownArg).map(([known, extra]) => [...known, extra].filter((arg): arg is GraphQLArgument => arg !== null)),
      selection: this.wellTyped ? below : weighted<FieldSelection[] | null>([30, below], [1, wrongBelow]),
    });
  }

  /** A random non-empty selection of the fields of `type`, `depth` levels deep at most. */
  private selection(type: GraphQLObjectType, depth: number): fc.Arbitrary<FieldSelection[]> {
    const key = `${type.name}:${depth}`;
    const known = this.selections.get(key);
    if (known) return known;
    const leaf = (field: string): FieldSelection => ({ field, alias: null, args: [], selection: null });
    const fields = Object.values(type.getFields()).filter((field) => isLeafType(getNamedType(field.type)) || depth > 0);
    const chosen = fields.map((field) => fc.option(isLeafType(getNamedType(field.type)) && field.args.length === 0 ? fc.constant(leaf(field.name)) : this.fieldSelection(field, field.name, depth - 1), { freq: 2 }));
    const arbitrary = fc.tuple(...chosen).map((picked) => {
      const present = picked.filter((selection): selection is FieldSelection => selection !== null);
      return present.length > 0 ? present : [leaf('__typename')];
    });
    this.selections.set(key, arbitrary);
    return arbitrary;
  }

  /** One argument: a value for its name and type, as a literal or as a variable (chaotic: perhaps wrongly declared or left out). */
  private argument(name: string, type: GraphQLInputType, context: string): fc.Arbitrary<GraphQLArgument | null> {
    const present = fc.record({
      name: fc.constant(name),
      value: this.value(name, type, context, 0),
      // Variables carry what literals cannot (lone surrogates, numbers past 2^53), so they come more often.
      as: weighted<GraphQLArgument['as']>([1, fc.constant('literal')], [2, fc.constant('variable')]),
      declaredType: this.wellTyped ? fc.constant(String(type)) : weighted([12, fc.constant(String(type))], [1, fc.constantFrom(...WRONG_DECLARED_TYPES)]),
      omitted: this.wellTyped ? fc.constant(false) : weighted([20, fc.constant(false)], [1, fc.constant(true)]),
    });
    if (isNonNullType(type)) return this.wellTyped ? present : weighted<GraphQLArgument | null>([25, present], [1, fc.constant(null)]);
    return weighted<GraphQLArgument | null>([this.mode === 'plausible' ? 1 : 3, present], [1, fc.constant(null)]);
  }

  /** A value for an input of `type`, chosen by the input's name where that says more than its type. */
  private value(name: string, type: GraphQLInputType, context: string, depth: number): fc.Arbitrary<FuzzValue> {
    const chaos = (typed: fc.Arbitrary<FuzzValue>, weight: number) => (this.wellTyped ? typed : weighted<FuzzValue>([weight, typed], [1, anyValue]));
    if (isNonNullType(type)) return this.wellTyped ? this.value(name, type.ofType, context, depth) : weighted([15, this.value(name, type.ofType, context, depth)], [1, fc.constant(null)]);
    if (isListType(type)) {
      const item = this.value(name, type.ofType, context, depth + 1);
      const sizes: [number, fc.Arbitrary<FuzzValue>][] = [
        [8, fc.array(item, { maxLength: 4 })],
        [2, fc.array(item, { minLength: 99, maxLength: 120 })],
        [1, fc.tuple(item, fc.constantFrom(1_000, 10_000)).map(([one, count]) => Array.from({ length: count }, () => one))],
      ];
      // A plausible list is short and not empty, nearly always.
      if (this.mode === 'plausible') sizes.push([40, fc.array(item, { minLength: 1, maxLength: 3 })]);
      const lists = weighted(...sizes);
      return this.wellTyped ? lists : weighted<FuzzValue>([11, lists], [2, item], [1, fc.integer({ min: 2, max: 5_000 }).map(($deep) => ({ $deep }))], [1, anyValue]);
    }
    if (isInputObjectType(type)) {
      if (depth > 3) return fc.constant({});
      const fields = Object.values(type.getFields()).map((field) => {
        const value = this.value(field.name, field.type, context, depth + 1);
        // A field of a literal object may travel as a variable of its own.
        const entry = value.chain((inner) => weighted<[string, FuzzValue]>([8, fc.constant([field.name, inner])], [1, fc.constant([field.name, { $variable: inner, type: String(field.type) }])]));
        const required = isNonNullType(field.type);
        if (this.mode === 'plausible' && !required && SELDOM_SENT.has(field.name)) return weighted<[string, FuzzValue] | null>([1, entry], [4, fc.constant(null)]);
        if (this.wellTyped) return required ? entry : fc.option(entry, { freq: 2 });
        return weighted<[string, FuzzValue] | null>([required ? 25 : 2, entry], [1, fc.constant(null)]);
      });
      const extra = this.wellTyped ? fc.constant(null) : fc.option(fc.tuple(fc.constantFrom('bogus', 'id', 'role', '__proto__'), anyValue), { freq: 12 });
      const object = fc.tuple(fc.tuple(...fields), extra).map(([entries, more]) => Object.fromEntries([...entries, more].filter((entry): entry is [string, FuzzValue] => entry !== null)));
      return chaos(object, 12);
    }
    if (isEnumType(type)) return this.wellTyped ? fc.constantFrom(...type.getValues().map((value) => ({ $name: value.name }))) : weighted([8, roleValue], [1, anyValue]);
    const typed = this.scalarValue(name, type.name, context);
    const plausible = this.mode === 'plausible' ? plausibleValue(name, type.name, ID_KINDS_BY_FIELD[context] ?? ANY_ID_KINDS) : undefined;
    return plausible ? weighted([4, plausible], [1, typed]) : chaos(typed, 10);
  }

  private scalarValue(name: string, typeName: string, context: string): fc.Arbitrary<FuzzValue> {
    const idKinds = ID_KINDS_BY_FIELD[context] ?? ANY_ID_KINDS;
    const id = this.wellTyped ? idString : idValue;
    switch (name) {
      case 'id':
      case 'accountId':
      case 'orderId':
        return weighted([4, id(idKinds)], [1, id(ANY_ID_KINDS)]);
      case 'productId':
        return id(['productId', 'productId', 'deletedProductId', 'customerOrderId']);
      case 'after':
        return cursorValue;
      case 'first':
      case 'afterVersion':
      case 'quantity':
      case 'stock':
      case 'expectedStock':
        return this.wellTyped ? int32Value : intValue;
      case 'email':
        return emailString;
      case 'password':
      case 'currentPassword':
      case 'newPassword':
        return passwordString;
      case 'query':
        return searchValue;
      case 'amount':
        return this.wellTyped ? decimalString : decimalValue;
      case 'currencyCode':
        return currencyValue;
      case 'name':
      case 'description':
        return nameString;
      case 'idempotencyKey':
        return idempotencyKeyValue;
    }
    switch (typeName) {
      case 'Int':
        return this.wellTyped ? int32Value : intValue;
      case 'ID':
        return id(idKinds);
      case 'Boolean':
        return fc.boolean();
      case 'Decimal':
        return this.wellTyped ? decimalString : decimalValue;
      default:
        return hostileString;
    }
  }
}

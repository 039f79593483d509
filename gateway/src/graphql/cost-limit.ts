import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { MAX_FIRST } from '../input/arguments.js';

/**
 * Lists without a `first` of their own whose size the schema does not say, by "Type.field": an order has at
 * most 100 lines (the order service's MAX_ORDER_LINES). Any other such list counts as MAX_FIRST items.
 */
export const LIST_SIZE_BOUNDS: Readonly<Record<string, number>> = { 'Order.items': 100 };

/**
 * The static cost of every operation of a document, refused above `maxCost` as a validation error (HTTP 400,
 * before any backend call). Cost is the worst-case size of the answer: every field counts 1, and a list
 * multiplies what it holds by its page size, nested lists multiplied through. The page size is `first` (a
 * literal, clamped to 1..MAX_FIRST; a variable counts as MAX_FIRST, since any value up to it may come; absent,
 * the argument's schema default: 20 for connections, 50 for history). A connection's `first` sizes its
 * `edges`. Introspection fields count 1: graphql-js bounds their depth itself.
 */
export function costLimitRule(maxCost: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const rootType = context.getSchema().getRootType(operation.operation);
      if (!rootType) return; // graphql-js reports an operation type the schema lacks
      const cost = new CostCounter(context).selectionSetCost(operation.selectionSet, rootType, undefined);
      if (cost > maxCost) context.reportError(new GraphQLError(`Query cost limit of ${maxCost} exceeded, found ${formatCost(cost)}.`));
    },
  });
}

/** Walks one operation; a fragment is costed once per type and inherited page size, however often it is spread. */
class CostCounter {
  private readonly fragmentCosts = new Map<string, number>();
  private readonly visiting = new Set<string>();

  constructor(private readonly context: ValidationContext) {}

  /** The cost of a selection set on `parentType`; `pageSize` is the `first` of the connection it belongs to, if any. */
  selectionSetCost(selectionSet: SelectionSetNode, parentType: GraphQLNamedType, pageSize: number | undefined): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldOf(parentType, selection.name.value);
        if (!field || !selection.selectionSet || selection.name.value.startsWith('__')) {
          cost += 1; // a leaf, introspection, or a field that other rules report as unknown
          continue;
        }
        const size = listSize(parentType, field, selection.arguments ?? [], pageSize);
        const ownPageSize = isListType(getNullableType(field.type)) ? undefined : firstArgument(field, selection.arguments ?? []);
        cost += 1 + size * this.selectionSetCost(selection.selectionSet, getNamedType(field.type), ownPageSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.context.getSchema().getType(selection.typeCondition.name.value) : parentType;
        cost += this.selectionSetCost(selection.selectionSet, type ?? parentType, pageSize);
      } else {
        cost += this.fragmentCost(this.context.getFragment(selection.name.value), pageSize);
      }
    }
    return cost;
  }

  private fragmentCost(fragment: FragmentDefinitionNode | null | undefined, pageSize: number | undefined): number {
    if (!fragment) return 0; // an unknown fragment: KnownFragmentNamesRule reports it
    const key = `${fragment.name.value}:${pageSize ?? ''}`;
    const known = this.fragmentCosts.get(key);
    if (known !== undefined) return known;
    if (this.visiting.has(key)) return 0; // a cycle: NoFragmentCyclesRule reports it
    const type = this.context.getSchema().getType(fragment.typeCondition.name.value);
    if (!type || !isCompositeType(type)) return 0;
    this.visiting.add(key);
    const cost = this.selectionSetCost(fragment.selectionSet, type, pageSize);
    this.visiting.delete(key);
    this.fragmentCosts.set(key, cost);
    return cost;
  }
}

function fieldOf(parentType: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
}

/** How many items a field's value holds at worst: 1 for an object, else its page size or known bound. */
function listSize(
  parentType: GraphQLNamedType,
  field: GraphQLField<unknown, unknown>,
  args: readonly { name: { value: string }; value: ValueNode }[],
  inheritedPageSize: number | undefined,
): number {
  if (!isListType(getNullableType(field.type))) return 1;
  return firstArgument(field, args) ?? inheritedPageSize ?? LIST_SIZE_BOUNDS[`${parentType.name}.${field.name}`] ?? MAX_FIRST;
}

/** The page size a field's `first` asks for at worst, or undefined for a field without `first`. */
function firstArgument(field: GraphQLField<unknown, unknown>, args: readonly { name: { value: string }; value: ValueNode }[]): number | undefined {
  const definition = field.args.find((arg) => arg.name === 'first');
  if (!definition) return undefined;
  const value = args.find((arg) => arg.name.value === 'first')?.value;
  const fallback = typeof definition.defaultValue === 'number' ? definition.defaultValue : MAX_FIRST;
  if (!value || value.kind === Kind.NULL) return fallback; // explicit null means the default (requireFirst)
  if (value.kind !== Kind.INT) return MAX_FIRST; // a variable may be anything up to the limit; other kinds fail validation
  const first = Number(value.value);
  return Math.min(Math.max(first, 1), MAX_FIRST);
}

/** A cost as a whole number, in exponent form once it is past what a double holds exactly. */
function formatCost(cost: number): string {
  return Number.isSafeInteger(cost) ? String(cost) : cost.toPrecision(3);
}

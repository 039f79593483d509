import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** DateTime: a Date out as ISO 8601 in UTC; in, any ISO 8601 string Date can read. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize(value) {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new GraphQLError('DateTime cannot represent a value that is not a valid Date');
    return value.toISOString();
  },
  parseValue(value) {
    return parseDateTime(value);
  },
  parseLiteral(ast) {
    return parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined);
  },
});

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 string such as "2025-11-21T12:00:00Z"');
  return date;
}

/**
 * Decimal: a string both ways, never a number (a float could not hold 0.10 exactly). How many fraction digits
 * are allowed depends on the currency beside it, so the resolvers read it (input/money-input.ts), naming the field.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  serialize(value) {
    if (typeof value !== 'string') throw new GraphQLError('Decimal cannot represent a value that is not a string');
    return value;
  },
  parseValue(value) {
    return requireDecimalString(value);
  },
  parseLiteral(ast) {
    return requireDecimalString(ast.kind === Kind.STRING ? ast.value : undefined);
  },
});

function requireDecimalString(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError('Decimal must be a string such as "19.99", not a number');
  return value;
}

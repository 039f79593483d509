import { GraphQLError, type ValidationContext } from 'graphql';

/**
 * The onReject of a graphql-armor rule: the rejection reported as a validation error (GRAPHQL_VALIDATION_FAILED,
 * HTTP 400) rather than thrown, which would escape graphql-js's validate() and surface as an internal error.
 * graphql-armor prefixes "Syntax Error: ", which a limit is not.
 */
export function reportArmorRejection(context: ValidationContext): [(armorContext: unknown, error: GraphQLError) => void] {
  return [(_armorContext, error) => context.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')))];
}

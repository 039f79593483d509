import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ValidationRule } from 'graphql';
import { reportArmorRejection } from './armor-rejection.js';

/** API.md: queries nested deeper than this are refused before execution. */
export const MAX_QUERY_DEPTH = 12;

/**
 * The depth limit as a validation rule. graphql-armor counts depth as the fields on the longest path from the
 * operation to a leaf, the leaf included: `{ accounts { edges { node { id } } } }` is 4. With
 * `flattenFragments` inline fragments and fragment spreads add no level of their own, so a query is as deep
 * with fragments as without. Introspection (`__schema`) is not counted, so GraphiQL can load the schema.
 * Rejections are reported as validation errors (GRAPHQL_VALIDATION_FAILED, HTTP 400) rather than thrown,
 * which would escape graphql-js's validate() and surface as an internal error.
 */
export function depthLimitRule(maxDepth: number = MAX_QUERY_DEPTH): ValidationRule {
  return (context) =>
    maxDepthRule({
      n: maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: reportArmorRejection(context),
    })(context);
}

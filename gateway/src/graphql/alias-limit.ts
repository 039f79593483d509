import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import type { ValidationRule } from 'graphql';
import { reportArmorRejection } from './armor-rejection.js';

/**
 * The alias limit as a validation rule: one query aliasing a field hundreds of times costs hundreds of calls.
 * graphql-armor counts every alias of an operation, those in its fragments included, once per spread;
 * `__typename` is free. Rejections are reported (GRAPHQL_VALIDATION_FAILED, HTTP 400), never thrown.
 */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context) =>
    maxAliasesRule({
      n: maxAliases,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: reportArmorRejection(context),
    })(context);
}

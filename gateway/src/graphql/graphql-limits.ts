import type { ValidationRule } from 'graphql';
import type { GatewayLimits } from '../config.js';
import { aliasLimitRule } from './alias-limit.js';
import { costLimitRule } from './cost-limit.js';
import { depthLimitRule } from './depth-limit.js';

/** The settings the GraphQL limits read. */
export type GraphQLLimitSettings = Pick<GatewayLimits, 'GRAPHQL_MAX_DEPTH' | 'GRAPHQL_MAX_ALIASES' | 'GRAPHQL_MAX_COST'>;

/**
 * The validation rules that refuse a document before anything runs: depth, aliases and static cost, each with
 * a message naming its limit. One list for Apollo (HTTP) and graphql-ws (subscriptions), so both refuse alike;
 * the token limit applies while parsing (token-limit.ts).
 */
export function graphqlLimitRules(limits: GraphQLLimitSettings): ValidationRule[] {
  return [depthLimitRule(limits.GRAPHQL_MAX_DEPTH), aliasLimitRule(limits.GRAPHQL_MAX_ALIASES), costLimitRule(limits.GRAPHQL_MAX_COST)];
}

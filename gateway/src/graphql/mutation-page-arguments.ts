import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError } from '@shop/errors';
import { getArgumentValues, GraphQLError, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { fromDomainError } from '../errors/graphql-error-mapping.js';
import { requireFirst } from '../input/arguments.js';
import { historyPageKey } from '../loaders/history-loader.js';

/**
 * Checks the page arguments (`first`, `afterVersion`) of every field a mutation selects in its answer, before the
 * mutation runs. Checked only while resolving, a bad `first` under `register { account { orders(first: 0) } }` would
 * null the whole answer through its non-null types after the account was made: the client would read a refusal of
 * a change that happened. Refused here, the mutation does not run at all.
 */
export function mutationPageArgumentsPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation, document, request }) => {
        if (operation?.operation !== 'mutation') return;
        const problem = firstBadPageArgument(schema, document, operation, request.variables ?? {});
        if (problem) throw new GraphQLError(problem.message, { extensions: { ...problem.extensions, http: { status: 400 } } });
      },
    }),
  };
}

function firstBadPageArgument(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>) {
  const typeInfo = new TypeInfo(schema);
  let problem: ReturnType<typeof fromDomainError> | undefined;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      // Only the operation that runs, and the fragments (which only it can spread, once executed).
      OperationDefinition: (node) => (node === operation ? undefined : false),
      Field: (node) => {
        const field = typeInfo.getFieldDef();
        if (problem || !field || !field.args.some((arg) => arg.name === 'first' || arg.name === 'afterVersion')) return;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(field, node, variables);
        } catch {
          return; // A variable of the wrong type: execution reports it as it does for any field.
        }
        try {
          if (field.name === 'history') historyPageKey('', args as { first?: number | null; afterVersion?: number | null });
          else requireFirst(args.first as number | null | undefined);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          problem = fromDomainError(error, { path: [node.alias?.value ?? node.name.value] });
        }
      },
    }),
  );
  return problem;
}

import type { ApolloServerPlugin, HTTPGraphQLRequest } from '@apollo/server';

/**
 * The catch for what graphql-js's validation throws instead of reporting (a stack overflow on a document nested
 * hundreds of levels deep, say): Apollo turns any throw before execution into HTTP 500 "Internal server error",
 * though the document is at fault. The plugin notes which HTTP requests threw while validating; the route then
 * answers those 400 GRAPHQL_VALIDATION_FAILED. (Throws while parsing Apollo answers 400 itself.)
 */
export class ValidationSafetyNet {
  private readonly validating = new WeakSet<HTTPGraphQLRequest>();
  private readonly failed = new WeakSet<HTTPGraphQLRequest>();

  /** The Apollo plugin that watches validation start and end, and unexpected errors. */
  readonly plugin: ApolloServerPlugin = {
    requestDidStart: async ({ request }) => {
      const http = request.http;
      if (!http) return;
      return {
        validationDidStart: async () => {
          this.validating.add(http);
          return async () => {
            this.validating.delete(http);
          };
        },
      };
    },
    unexpectedErrorProcessingRequest: async ({ requestContext }) => {
      const http = requestContext.request.http;
      if (http && this.validating.has(http)) this.failed.add(http);
    },
  };

  /** True when this request's validation threw (Apollo then answered 500). */
  threwWhileValidating(request: HTTPGraphQLRequest): boolean {
    return this.failed.has(request);
  }
}

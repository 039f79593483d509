import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram, metricsRegistry } from '@shop/metrics';

const requests = new Counter({
  name: 'graphql_requests_total',
  help: 'GraphQL requests answered over HTTP, by operation and outcome (OK, or the first error code).',
  labelNames: ['operation_name', 'operation_type', 'code'] as const,
  registers: [metricsRegistry],
});

const duration = new Histogram({
  name: 'graphql_request_duration_seconds',
  help: 'Time from a GraphQL request arriving at Apollo to its response being ready, by operation.',
  labelNames: ['operation_name', 'operation_type'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/**
 * The most distinct operation names the series keep. Names come from clients, so a hostile one could send a new
 * name per request and grow the series without end; past this many, new names count as "other".
 */
export const MAX_OPERATION_NAMES = 200;

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const CODE = /^[A-Z][A-Z0-9_]{0,39}$/;
const seenNames = new Set<string>();

/** The label of an operation: its name once it parsed and validated, bounded in length and in number. */
export function operationLabel(name: string | null | undefined, resolved: boolean): string {
  if (!resolved) return '(invalid)';
  if (!name) return '(anonymous)';
  if (!NAME.test(name)) return 'other';
  if (seenNames.has(name)) return name;
  if (seenNames.size >= MAX_OPERATION_NAMES) return 'other';
  seenNames.add(name);
  return name;
}

function codeOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string {
  if (!errors || errors.length === 0) return 'OK';
  const code = errors[0]?.extensions?.code;
  return typeof code === 'string' && CODE.test(code) ? code : 'UNKNOWN';
}

/** Rate, errors and duration of every GraphQL request over HTTP, per operation (the RED dashboard's source). */
export const operationMetricsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    const stop = duration.startTimer();
    return {
      async willSendResponse(requestContext) {
        const operation = requestContext.operation;
        const labels = { operation_name: operationLabel(requestContext.operationName, operation !== undefined), operation_type: operation?.operation ?? 'unknown' };
        const body = requestContext.response.body;
        const errors = body.kind === 'single' ? body.singleResult.errors : requestContext.errors;
        stop(labels);
        requests.inc({ ...labels, code: codeOf(errors) });
      },
    };
  },
};

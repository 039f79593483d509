import type { AppPlan } from './plan.js';

const ALL_INTERFACES = ['0.0.0.0', '::', '[::]'];

/**
 * Checks each app's METRICS_PORT in docker-compose.yaml: a port number; one its image EXPOSEs (so the rehearsal's
 * "listens on every EXPOSE" check proves /metrics is up); not published on the host (metrics stay on the compose
 * network); and served on every interface, since Prometheus scrapes from another container. The server binds
 * METRICS_HOST, or GRPC_HOST for a service that has no METRICS_HOST. Returns the problems.
 */
export function metricsPortProblems(apps: readonly AppPlan[]): string[] {
  const problems: string[] = [];
  for (const { service, dockerfile, dockerfilePath } of apps) {
    const value = service.environment.METRICS_PORT;
    if (value === undefined || value === '') continue;
    const where = `services.${service.name}.environment.METRICS_PORT`;
    const port = Number(value);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      problems.push(`${where} is "${value}", not a port number`);
      continue;
    }
    if (!dockerfile.runtime.expose.includes(port)) problems.push(`${where} is ${port}, but ${dockerfilePath} does not EXPOSE it (it EXPOSEs ${dockerfile.runtime.expose.join(', ') || 'nothing'})`);
    if (service.ports.some((published) => published.target === port)) problems.push(`services.${service.name}.ports publishes the metrics port ${port}: keep it on the compose network`);
    const hostVariable = 'METRICS_HOST' in service.environment ? 'METRICS_HOST' : 'GRPC_HOST';
    const host = service.environment[hostVariable];
    if (!host || !ALL_INTERFACES.includes(host)) {
      problems.push(`services.${service.name} serves /metrics on ${hostVariable}=${host ?? '(unset: loopback)'}: set METRICS_HOST: 0.0.0.0, or Prometheus cannot reach it`);
    }
  }
  return problems;
}

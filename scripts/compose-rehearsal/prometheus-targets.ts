import type { ComposeService } from './compose-file.js';

/** One static scrape target of a Prometheus configuration, with its job. */
export interface ScrapeTarget {
  job: string;
  host: string;
  port: number;
}

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The static targets of a parsed prometheus.yml, and what about its shape the rehearsal cannot check. */
export function scrapeTargets(config: unknown, file: string): { targets: ScrapeTarget[]; problems: string[] } {
  const targets: ScrapeTarget[] = [];
  const problems: string[] = [];
  const jobs = isRecord(config) ? config.scrape_configs : undefined;
  if (!Array.isArray(jobs) || jobs.length === 0) return { targets, problems: [`${file} has no scrape_configs`] };
  for (const [index, job] of jobs.entries()) {
    const name = isRecord(job) && typeof job.job_name === 'string' ? job.job_name : `scrape_configs[${index}]`;
    if (!isRecord(job) || !Array.isArray(job.static_configs)) {
      problems.push(`${file}: job ${name} has no static_configs (the apps are scraped by service name; the rehearsal checks static targets)`);
      continue;
    }
    if ((job.metrics_path ?? '/metrics') !== '/metrics') problems.push(`${file}: job ${name} scrapes ${String(job.metrics_path)}, but the apps serve /metrics`);
    if ((job.scheme ?? 'http') !== 'http') problems.push(`${file}: job ${name} scrapes over ${String(job.scheme)}, but the apps serve plain http`);
    for (const group of job.static_configs as unknown[]) {
      for (const target of (isRecord(group) && Array.isArray(group.targets) ? group.targets : []) as unknown[]) {
        const match = /^([A-Za-z0-9_.-]+):(\d+)$/.exec(String(target));
        if (match) targets.push({ job: name, host: match[1]!, port: Number(match[2]) });
        else problems.push(`${file}: job ${name} has the target "${String(target)}", not host:port`);
      }
    }
  }
  return { targets, problems };
}

/**
 * Checks Prometheus's targets against docker-compose.yaml: each is `service:port` of a compose service whose
 * METRICS_PORT is that port, and every service with a METRICS_PORT is some target (else its dashboards stay empty).
 */
export function scrapeTargetProblems(targets: readonly ScrapeTarget[], services: readonly ComposeService[], file: string): string[] {
  const problems: string[] = [];
  for (const { job, host, port } of targets) {
    const service = services.find((each) => each.name === host);
    const metricsPort = service?.environment.METRICS_PORT;
    if (!service) problems.push(`${file}: job ${job} scrapes ${host}:${port}, but ${host} is no service of docker-compose.yaml`);
    else if (!metricsPort) problems.push(`${file}: job ${job} scrapes ${host}:${port}, but services.${host} sets no METRICS_PORT`);
    else if (Number(metricsPort) !== port) problems.push(`${file}: job ${job} scrapes ${host}:${port}, but services.${host}.environment.METRICS_PORT is ${metricsPort}`);
  }
  for (const service of services.filter((each) => each.environment.METRICS_PORT)) {
    if (!targets.some((target) => target.host === service.name)) {
      problems.push(`services.${service.name} serves /metrics on ${service.environment.METRICS_PORT}, but ${file} never scrapes it`);
    }
  }
  return problems;
}

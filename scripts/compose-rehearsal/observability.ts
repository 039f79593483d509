import { extname, relative } from 'node:path';
import type { ComposeProject, ComposeService } from './compose-file.js';
import { dashboardDirectories, dashboardProblems, provisionedDatasources } from './grafana-provisioning.js';
import { metricsPortProblems } from './metrics-ports.js';
import { fileAt, filesIn, mountedPathProblems, readMountedFiles, type MountedFile } from './mounted-files.js';
import { observabilityImage, type ObservabilityKind } from './observability-images.js';
import { collectorProblems } from './otel-collector-config.js';
import type { AppPlan } from './plan.js';
import { scrapeTargetProblems, scrapeTargets } from './prometheus-targets.js';
import { metricNames } from './promql-metrics.js';

/** What the check found: its problems, a line per container for the report, and what the dashboards query. */
export interface ObservabilityFindings {
  problems: string[];
  summary: string[];
  /** The dashboards' Prometheus expressions, to check against the running apps' /metrics. */
  dashboardExprs: string[];
  /** The metric names those expressions select. */
  dashboardMetrics: string[];
}

type Part = { problems: string[]; summary: string; exprs?: string[] };

/** The value of a command-line flag written `--name=value` or `--name value`. */
function flag(command: readonly string[] | undefined, name: string): string | undefined {
  const args = command ?? [];
  for (const [index, arg] of args.entries()) {
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    if (arg === name) return args[index + 1];
  }
  return undefined;
}

/** The one mounted configuration file a container reads, or a problem saying none is there. */
function configFile(service: ComposeService, files: readonly MountedFile[], target: string, root: string): { file?: MountedFile; shown: string; problem?: string } {
  const file = fileAt(files, target);
  if (!file) return { shown: target, problem: `services.${service.name} reads ${target}, which none of its mounts puts there` };
  return { file, shown: relative(root, file.host) };
}

function prometheus(service: ComposeService, files: readonly MountedFile[], services: readonly ComposeService[], root: string): Part {
  const { file, shown, problem } = configFile(service, files, flag(service.command, '--config.file') ?? '/etc/prometheus/prometheus.yml', root);
  if (!file) return { problems: [problem!], summary: '' };
  const { targets, problems } = scrapeTargets(file.document, shown);
  problems.push(...scrapeTargetProblems(targets, services, shown));
  return { problems, summary: `scrapes ${targets.map((target) => `${target.host}:${target.port}`).join(', ')} (${shown}), each app's METRICS_PORT` };
}

function collector(service: ComposeService, files: readonly MountedFile[], services: readonly ComposeService[], root: string): Part {
  const fallback = /contrib/.test(service.image ?? '') ? '/etc/otelcol-contrib/config.yaml' : '/etc/otelcol/config.yaml';
  const { file, shown, problem } = configFile(service, files, (flag(service.command, '--config') ?? fallback).replace(/^file:/, ''), root);
  if (!file) return { problems: [problem!], summary: '' };
  const { problems, summary } = collectorProblems(file.document, shown, service, services);
  return { problems, summary: `${summary} (${shown})` };
}

function grafana(service: ComposeService, files: readonly MountedFile[], services: readonly ComposeService[], root: string): Part {
  const provisioning = (service.environment.GF_PATHS_PROVISIONING ?? '/etc/grafana/provisioning').replace(/\/+$/, '');
  const { datasources, problems } = provisionedDatasources(files, provisioning, services, root);
  const { dirs, problems: providerProblems } = dashboardDirectories(files, provisioning, root);
  problems.push(...providerProblems);
  const defaultType = datasources.find((each) => each.isDefault)?.type;
  const exprs: string[] = [];
  const dashboards: string[] = [];
  const uids = new Map<string, string>();
  for (const file of dirs.flatMap((dir) => filesIn(files, dir)).filter((each) => extname(each.host) === '.json')) {
    const shown = relative(root, file.host);
    const checked = dashboardProblems(file.document, shown, datasources, defaultType);
    problems.push(...checked.problems);
    exprs.push(...checked.exprs);
    const { uid, panels } = (file.document ?? {}) as { uid?: unknown; panels?: unknown[] };
    if (typeof uid === 'string' && uids.has(uid)) problems.push(`${shown} has the uid ${uid} of ${uids.get(uid)}: Grafana loads only one of them`);
    if (typeof uid === 'string') uids.set(uid, shown);
    dashboards.push(`${String(uid)} (${Array.isArray(panels) ? panels.length : 0} panels)`);
  }
  const sources = datasources.map((each) => `${each.uid} (${each.type})`).join(', ');
  return { problems, exprs, summary: `data sources ${sources || 'none'}; dashboards ${dashboards.join(', ') || 'none'}, each panel on a provisioned data source` };
}

// What is checked of each container's configuration; Jaeger has none beyond its environment (its files: none).
const CHECKS: Record<ObservabilityKind, typeof prometheus | undefined> = { prometheus, 'otel-collector': collector, grafana, jaeger: undefined };

/**
 * Checks docker-compose.yaml's observability containers without running them, and the apps' side of them: every
 * file they mount exists, is read-only and parses; Prometheus scrapes exactly the apps' METRICS_PORTs; the
 * collector's pipeline is complete and the apps' OTLP endpoints reach it; Grafana's dashboards are well formed and
 * use provisioned data sources only. Collects every problem rather than stopping at the first.
 */
export function observabilityProblems(project: ComposeProject, apps: readonly AppPlan[]): ObservabilityFindings {
  const problems = metricsPortProblems(apps);
  const summary: string[] = [];
  const exprs: string[] = [];
  for (const service of project.services) {
    const kind = observabilityImage(service.image)?.kind;
    if (!kind) continue;
    const { files, problems: fileProblems } = readMountedFiles(service, project.dir);
    problems.push(...fileProblems, ...mountedPathProblems(service));
    const part = CHECKS[kind]?.(service, files, project.services, project.dir);
    problems.push(...(part?.problems ?? []));
    exprs.push(...(part?.exprs ?? []));
    const mounted = files.length > 0 ? `${files.length} mounted file${files.length === 1 ? '' : 's'} read-only and parsed` : 'mounts no files';
    summary.push(`${service.name} (${service.image}${service.profiles.length ? `, profile ${service.profiles.join(', ')}` : ''}): ${mounted}${part?.summary ? `; ${part.summary}` : ''}`);
  }
  return { problems, summary, dashboardExprs: exprs, dashboardMetrics: [...new Set(exprs.flatMap(metricNames))].sort() };
}

/** observabilityProblems for the rehearsal: throws with every problem, else answers what it checked. */
export function checkObservability(project: ComposeProject, apps: readonly AppPlan[]): ObservabilityFindings {
  const findings = observabilityProblems(project, apps);
  if (findings.problems.length > 0) throw new Error(`the observability configuration has ${findings.problems.length} problem(s):\n  - ${findings.problems.join('\n  - ')}`);
  return findings;
}

import type { AppPlan } from './plan.js';
import { labelNames, metricNames } from './promql-metrics.js';

/** A /metrics answer in Prometheus's text format: each family's type, and each sample's name and labels. */
export interface Exposition {
  types: Map<string, string>;
  samples: { name: string; labels: Record<string, string> }[];
}

/** Reads Prometheus's text exposition format (what prom-client serves); values are not needed here. */
export function parseExposition(text: string): Exposition {
  const types = new Map<string, string>();
  const samples: Exposition['samples'] = [];
  for (const line of text.split('\n')) {
    const type = /^#\s*TYPE\s+(\S+)\s+(\S+)/.exec(line);
    if (type) types.set(type[1]!, type[2]!);
    const sample = line.startsWith('#') ? null : /^([A-Za-z_:][\w:]*)(\{.*\})?\s+\S+/.exec(line);
    if (!sample) continue;
    const labels = Object.fromEntries([...(sample[2] ?? '').matchAll(/([A-Za-z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1]!, pair[2]!]));
    samples.push({ name: sample[1]!, labels });
  }
  return { types, samples };
}

/**
 * Whether an exposition has a metric a query names: as a sample, as a declared family (a labelled series with no
 * sample yet), or as a histogram's or summary's _bucket/_sum/_count, or a counter's _total.
 */
export function exposes(exposition: Exposition, name: string): boolean {
  if (exposition.types.has(name) || exposition.samples.some((sample) => sample.name === name)) return true;
  const part = /^(.*)_(bucket|sum|count|total)$/.exec(name);
  const family = part ? exposition.types.get(part[1]!) : undefined;
  return part?.[2] === 'total' ? family === 'counter' : family === 'histogram' || family === 'summary';
}

/** The samples of a metric a query names: its own, or its histogram's, summary's or counter's parts. */
function samplesOf(expositions: readonly Exposition[], name: string): Exposition['samples'] {
  return expositions.flatMap((exposition) => exposition.samples.filter((sample) => sample.name === name));
}

/**
 * Problems of the dashboards' expressions against what the apps serve: a metric no app exposes (its panel would
 * stay empty for good), or a label an expression matches or groups by that no sample of its one metric carries
 * (checked where the metric has samples by then).
 */
export function queryProblems(expositions: readonly Exposition[], exprs: readonly string[]): string[] {
  const problems: string[] = [];
  const names = [...new Set(exprs.flatMap(metricNames))];
  const missing = names.filter((name) => !expositions.some((exposition) => exposes(exposition, name)));
  if (missing.length > 0) problems.push(`the dashboards query ${missing.join(', ')}, which no app's /metrics has: those panels would stay empty`);
  for (const expr of exprs) {
    const [metric, ...others] = metricNames(expr);
    const samples = metric && others.length === 0 ? samplesOf(expositions, metric) : [];
    if (samples.length === 0) continue;
    const unknown = labelNames(expr).filter((label) => !samples.some((sample) => label in sample.labels));
    if (unknown.length > 0) problems.push(`a dashboard asks ${metric} for the label(s) ${unknown.join(', ')}, which its samples do not have (${Object.keys(samples[0]!.labels).join(', ')}): ${expr}`);
  }
  return problems;
}

/**
 * Reads each running app's /metrics on its METRICS_PORT (as Prometheus would, by then after the smoke test's
 * traffic): it must answer the text format with every sample labelled service="<its compose name>", and together
 * the apps must serve what the dashboards' expressions ask for (queryProblems). Throws on the first app that fails,
 * or with every query problem; answers a line per app for the report.
 */
export async function checkScrapes(apps: readonly AppPlan[], dashboardExprs: readonly string[]): Promise<string[]> {
  const dashboardMetrics = [...new Set(dashboardExprs.flatMap(metricNames))];
  const lines: string[] = [];
  const expositions: Exposition[] = [];
  for (const { service } of apps.filter((app) => app.service.environment.METRICS_PORT)) {
    const url = `http://127.0.0.1:${service.environment.METRICS_PORT}/metrics`;
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) }).catch((error: Error) => {
      throw new Error(`${service.name}: GET ${url} failed: ${error.message}`);
    });
    const text = await response.text();
    if (response.status !== 200 || !/^text\/plain/.test(response.headers.get('content-type') ?? '')) {
      throw new Error(`${service.name}: GET ${url} answered ${response.status} ${response.headers.get('content-type') ?? ''}, not Prometheus text`);
    }
    const exposition = parseExposition(text);
    const unlabelled = exposition.samples.filter((sample) => sample.labels.service !== service.name);
    if (exposition.samples.length === 0 || unlabelled.length > 0) {
      const example = unlabelled[0] ? `: ${unlabelled[0].name}{service="${unlabelled[0].labels.service ?? ''}"}` : '';
      throw new Error(`${service.name}: ${url} has ${exposition.samples.length} samples, ${unlabelled.length} of them without service="${service.name}"${example}`);
    }
    expositions.push(exposition);
    const ours = dashboardMetrics.filter((name) => exposes(exposition, name));
    lines.push(`${service.name}: ${url} answered ${exposition.types.size} families, ${exposition.samples.length} samples, all service="${service.name}"; ${ours.length} of the dashboards' metrics`);
  }
  const problems = queryProblems(expositions, dashboardExprs);
  if (problems.length > 0) throw new Error(`the apps' /metrics do not serve what the dashboards ask:\n  - ${problems.join('\n  - ')}`);
  if (expositions.length > 0) lines.push(`every one of the ${dashboardMetrics.length} metrics the dashboards' ${dashboardExprs.length} queries ask for is served, with the labels they use`);
  return lines;
}

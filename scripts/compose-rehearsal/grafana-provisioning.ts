import { extname, relative } from 'node:path';
import type { ComposeService } from './compose-file.js';
import { filesIn, type MountedFile } from './mounted-files.js';
import { observabilityImage } from './observability-images.js';

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const isYaml = (file: MountedFile) => ['.yml', '.yaml'].includes(extname(file.host).toLowerCase());

/** A data source Grafana provisions: dashboards refer to it by uid (or, in old dashboards, by name). */
export interface ProvisionedDatasource {
  uid: string;
  name: string;
  type: string;
  isDefault: boolean;
}

/**
 * The data sources of Grafana's provisioning directory (`<dir>/datasources/*.yaml`): each needs a uid (the
 * dashboards name it so), at most one is the default, and a URL's host must be a compose service, on the port that
 * service serves when the rehearsal knows it (prometheus:9090, jaeger:16686).
 */
export function provisionedDatasources(files: readonly MountedFile[], provisioningDir: string, services: readonly ComposeService[], root: string): { datasources: ProvisionedDatasource[]; problems: string[] } {
  const datasources: ProvisionedDatasource[] = [];
  const problems: string[] = [];
  const sources = filesIn(files, `${provisioningDir}/datasources`).filter(isYaml);
  if (sources.length === 0) problems.push(`grafana: no data source files in ${provisioningDir}/datasources`);
  let defaults = 0;
  for (const file of sources) {
    const shown = relative(root, file.host);
    const entries = isRecord(file.document) ? file.document.datasources : undefined;
    if (!Array.isArray(entries)) {
      problems.push(`${shown} has no datasources: list`);
      continue;
    }
    for (const [index, entry] of (entries as unknown[]).entries()) {
      const where = `${shown} datasources[${index}]`;
      if (!isRecord(entry) || typeof entry.name !== 'string' || typeof entry.type !== 'string') {
        problems.push(`${where} needs a name and a type`);
        continue;
      }
      if (typeof entry.uid !== 'string' || entry.uid === '') problems.push(`${where} (${entry.name}) has no uid: Grafana would make a random one, which no dashboard names`);
      else if (datasources.some((known) => known.uid === entry.uid)) problems.push(`${where} repeats the uid ${entry.uid}`);
      else datasources.push({ uid: entry.uid, name: entry.name, type: entry.type, isDefault: entry.isDefault === true });
      if (entry.isDefault === true) defaults += 1;
      if (typeof entry.url === 'string' && /^https?:\/\//.test(entry.url)) problems.push(...urlProblems(entry.url, `${where}.url`, services));
    }
  }
  if (defaults > 1) problems.push(`grafana: ${defaults} data sources are isDefault, Grafana takes one`);
  return { datasources, problems };
}

/** A URL's host must be a compose service, on the port the rehearsal knows that service serves. */
function urlProblems(url: string, where: string, services: readonly ComposeService[]): string[] {
  const { hostname, port, protocol } = new URL(url);
  const service = services.find((each) => each.name === hostname);
  if (!service) return [`${where} is ${url}, but ${hostname} is no service of docker-compose.yaml`];
  const known = observabilityImage(service.image)?.port;
  const given = port === '' ? (protocol === 'https:' ? 443 : 80) : Number(port);
  return known !== undefined && known !== given ? [`${where} is ${url}, but ${hostname} serves on ${known}`] : [];
}

/**
 * The directories (container paths) Grafana's dashboard providers (`<dir>/dashboards/*.yaml`) load dashboards
 * from; each must be one the container has files in.
 */
export function dashboardDirectories(files: readonly MountedFile[], provisioningDir: string, root: string): { dirs: string[]; problems: string[] } {
  const dirs: string[] = [];
  const problems: string[] = [];
  const providers = filesIn(files, `${provisioningDir}/dashboards`).filter(isYaml);
  if (providers.length === 0) problems.push(`grafana: no dashboard provider files in ${provisioningDir}/dashboards`);
  for (const file of providers) {
    const shown = relative(root, file.host);
    const entries = isRecord(file.document) ? file.document.providers : undefined;
    if (!Array.isArray(entries)) {
      problems.push(`${shown} has no providers: list`);
      continue;
    }
    for (const [index, entry] of (entries as unknown[]).entries()) {
      const options = isRecord(entry) && isRecord(entry.options) ? entry.options : {};
      const path = typeof options.path === 'string' ? options.path.replace(/\/+$/, '') : undefined;
      if (isRecord(entry) && (entry.type ?? 'file') !== 'file') problems.push(`${shown} providers[${index}] is of type ${String(entry.type)}; the rehearsal checks file providers`);
      else if (!path) problems.push(`${shown} providers[${index}] has no options.path`);
      else if (!filesIn(files, path).some((each) => extname(each.host) === '.json')) problems.push(`${shown} providers[${index}] loads ${path}, where no mount of grafana puts a dashboard (.json)`);
      else dirs.push(path);
    }
  }
  return { dirs, problems };
}

/** Every panel of a dashboard, the ones inside collapsed rows included. */
function panelsOf(dashboard: Raw): Raw[] {
  const top = Array.isArray(dashboard.panels) ? (dashboard.panels as unknown[]).filter(isRecord) : [];
  return top.flatMap((panel) => [panel, ...(Array.isArray(panel.panels) ? (panel.panels as unknown[]).filter(isRecord) : [])]);
}

/** A panel's, target's or variable's data source reference, checked against the provisioned ones. */
function datasourceProblem(reference: unknown, where: string, datasources: readonly ProvisionedDatasource[]): string | undefined {
  if (reference === undefined || reference === null) return undefined;
  if (typeof reference === 'string') {
    return datasources.some((each) => each.name === reference || each.uid === reference) ? undefined : `${where} names the data source "${reference}", which is not provisioned`;
  }
  const uid = isRecord(reference) ? reference.uid : undefined;
  if (typeof uid !== 'string') return undefined;
  if (uid.startsWith('$')) return `${where} uses the data source ${uid}, an import input no provisioned dashboard resolves: use a provisioned uid (${datasources.map((each) => each.uid).join(', ')})`;
  return datasources.some((each) => each.uid === uid) ? undefined : `${where} uses the data source uid ${uid}, which is not provisioned (${datasources.map((each) => each.uid).join(', ')})`;
}

/** The type of the data source a reference points at (the default one when there is none). */
function datasourceType(reference: unknown, datasources: readonly ProvisionedDatasource[], fallback: string | undefined): string | undefined {
  const key = typeof reference === 'string' ? reference : isRecord(reference) ? reference.uid : undefined;
  return datasources.find((each) => each.uid === key || each.name === key)?.type ?? (isRecord(reference) && typeof reference.type === 'string' ? reference.type : fallback);
}

/**
 * Checks one dashboard JSON as Grafana provisions it: a title and a uid, panels each with a type and a gridPos,
 * every panel but rows and text with targets (each with a refId, and an expr for Prometheus), and every data source
 * its panels, targets and variables use provisioned. Returns the problems and the Prometheus expressions.
 */
export function dashboardProblems(dashboard: unknown, file: string, datasources: readonly ProvisionedDatasource[], defaultType = 'prometheus'): { problems: string[]; exprs: string[] } {
  const problems: string[] = [];
  const exprs: string[] = [];
  if (!isRecord(dashboard)) return { problems: [`${file} is not a dashboard (a JSON object)`], exprs };
  if (typeof dashboard.title !== 'string' || dashboard.title === '') problems.push(`${file} has no title`);
  if (typeof dashboard.uid !== 'string' || !/^[A-Za-z0-9_-]{1,40}$/.test(dashboard.uid)) problems.push(`${file} has no uid of 1 to 40 letters, digits, - or _ (links and the home page name it)`);
  const panels = panelsOf(dashboard);
  if (panels.length === 0) problems.push(`${file} has no panels`);
  const ids = new Set<unknown>();
  for (const [index, panel] of panels.entries()) {
    const where = `${file} panel "${typeof panel.title === 'string' ? panel.title : index}"`;
    if (panel.id !== undefined && ids.has(panel.id)) problems.push(`${where} repeats the panel id ${String(panel.id)}`);
    ids.add(panel.id);
    if (typeof panel.type !== 'string') problems.push(`${where} has no type`);
    const grid = panel.gridPos;
    if (!isRecord(grid) || !['h', 'w', 'x', 'y'].every((key) => typeof grid[key] === 'number')) problems.push(`${where} has no gridPos {h, w, x, y}`);
    const problem = datasourceProblem(panel.datasource, where, datasources);
    if (problem) problems.push(problem);
    if (panel.type === 'row' || panel.type === 'text') continue;
    const targets = Array.isArray(panel.targets) ? (panel.targets as unknown[]) : [];
    if (targets.length === 0) problems.push(`${where} has no targets`);
    const refIds = new Set<string>();
    for (const [targetIndex, target] of targets.entries()) {
      const at = `${where} target ${targetIndex}`;
      if (!isRecord(target) || typeof target.refId !== 'string' || target.refId === '') {
        problems.push(`${at} has no refId`);
        continue;
      }
      if (refIds.has(target.refId)) problems.push(`${at} repeats the refId ${target.refId}`);
      refIds.add(target.refId);
      const targetProblem = datasourceProblem(target.datasource, at, datasources);
      if (targetProblem) problems.push(targetProblem);
      const type = datasourceType(target.datasource ?? panel.datasource, datasources, defaultType);
      if (type !== 'prometheus') continue;
      if (typeof target.expr !== 'string' || target.expr.trim() === '') problems.push(`${at} (${target.refId}) has no expr`);
      else exprs.push(target.expr);
    }
  }
  const templating = isRecord(dashboard.templating) && Array.isArray(dashboard.templating.list) ? (dashboard.templating.list as unknown[]).filter(isRecord) : [];
  for (const variable of templating) {
    const problem = datasourceProblem(variable.datasource, `${file} variable ${String(variable.name)}`, datasources);
    if (problem) problems.push(problem);
  }
  return { problems, exprs };
}

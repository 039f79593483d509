import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { parse } from 'yaml';
import type { ComposeService } from './compose-file.js';
import { hostPathOf, mountMap } from './volume-mapping.js';

/** One file a container gets from a bind mount: where it is here and in the container, and what it parsed to. */
export interface MountedFile {
  host: string;
  target: string;
  /** The parsed document of a .yml, .yaml or .json file that parsed; undefined for other files. */
  document?: unknown;
}

/** Every file under a directory, recursively, in name order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Parses a file by its extension; throws with the parser's message. */
function parsed(path: string): unknown {
  const extension = extname(path).toLowerCase();
  const text = readFileSync(path, 'utf8');
  if (extension === '.json') return JSON.parse(text) as unknown;
  if (extension === '.yml' || extension === '.yaml') return parse(text, { prettyErrors: true }) as unknown;
  return undefined;
}

/**
 * Reads what a service's bind mounts put into its container (a mounted directory: every file in it): each source
 * must exist, a .yml/.yaml must parse as YAML and a .json as JSON, and each mount must be read-only (`:ro`), since
 * these containers only read their configuration. Returns the files that read, and the problems.
 */
export function readMountedFiles(service: ComposeService, root: string): { files: MountedFile[]; problems: string[] } {
  const files: (MountedFile & { mount: string })[] = [];
  const problems: string[] = [];
  for (const mount of service.volumes.filter((each) => each.bind)) {
    const shown = relative(root, mount.source) || '.';
    if (!mount.readOnly) problems.push(`services.${service.name} mounts ${shown} at ${mount.target} writable: add :ro, the container only reads it`);
    if (!existsSync(mount.source)) {
      problems.push(`services.${service.name} mounts ${shown}, which does not exist`);
      continue;
    }
    const sources = statSync(mount.source).isDirectory() ? filesUnder(mount.source) : [mount.source];
    for (const host of sources) {
      const target = join(mount.target, relative(mount.source, host));
      try {
        files.push({ host, target, document: parsed(host), mount: mount.target.replace(/\/+$/, '') });
      } catch (error) {
        problems.push(`${relative(root, host)} (services.${service.name}'s ${target}) does not parse: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  }
  // A deeper mount hides what a shallower one has at that path, as in the container.
  const targets = service.volumes.filter((each) => each.bind).map((each) => each.target.replace(/\/+$/, ''));
  const hidden = (file: MountedFile, own: string) => targets.some((target) => target.length > own.length && (file.target === target || file.target.startsWith(`${target}/`)));
  return { files: files.filter((file) => !hidden(file, file.mount)).map(({ host, target, document }) => ({ host, target, document })), problems };
}

/** The file here for a container path of the service, when a bind mount puts one there. */
export function fileAt(files: readonly MountedFile[], target: string): MountedFile | undefined {
  return files.find((file) => file.target === target);
}

/** The files under a container directory of the service, in name order. */
export function filesIn(files: readonly MountedFile[], targetDir: string): MountedFile[] {
  const dir = targetDir.replace(/\/+$/, '');
  return files.filter((file) => file.target.startsWith(`${dir}/`));
}

/**
 * Environment values of the service that are absolute paths (GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH=/etc/...)
 * on one of its bind mounts must be there: otherwise the container starts without the file it was told to read.
 */
export function mountedPathProblems(service: ComposeService): string[] {
  const mounts = mountMap(service.volumes.filter((mount) => mount.bind), () => '');
  return Object.entries(service.environment).flatMap(([name, value]) => {
    const here = value.startsWith('/') ? hostPathOf(value, mounts) : undefined;
    return here !== undefined && !existsSync(here) ? [`services.${service.name}.environment.${name} is ${value}, which its mounts do not hold`] : [];
  });
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { checkComposeVariables } from './compose-variables.js';
import { parseDuration } from './duration.js';
import { readEnvFile } from './env-file.js';
import { interpolate } from './interpolation.js';

/** A health check as Docker runs it: an argv (CMD) or a shell line (CMD-SHELL). */
export type HealthTest = { kind: 'exec'; argv: string[] } | { kind: 'shell'; line: string };

/** One service of docker-compose.yaml, interpolated, with the parts the rehearsal acts on. */
export interface ComposeService {
  name: string;
  image?: string;
  /** Absolute paths of the build context and the Dockerfile, for services built from the repository. */
  build?: { context: string; dockerfile: string };
  environment: Record<string, string>;
  /** The compose file's command (exec form), which replaces the image's CMD. */
  command?: string[];
  /** Services this one waits for, with the condition it waits on. */
  dependsOn: { service: string; condition: string }[];
  ports: { published: number; target: number }[];
  /** Bind mounts (source is an absolute path) and named volumes (source is the volume's name). */
  volumes: ComposeMount[];
  /** The compose file's own health check, which replaces the image's HEALTHCHECK. */
  healthcheck?: HealthTest;
  stopGraceMs: number;
  profiles: string[];
}

/** One entry of a service's volumes: a bind mount or a named volume, at `target` in the container. */
export interface ComposeMount {
  source: string;
  target: string;
  bind: boolean;
  readOnly: boolean;
}

/** docker-compose.yaml read the way `docker compose --env-file .env.example --profile '*' config` would. */
export interface ComposeProject {
  file: string;
  dir: string;
  services: ComposeService[];
  /** The named volumes the file declares (top-level volumes:). */
  volumes: string[];
}

type Raw = Record<string, unknown>;

const asRecord = (value: unknown, where: string): Raw => {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Raw;
  throw new Error(`${where}: expected a mapping`);
};

function interpolateAll(node: unknown, variables: Record<string, string>, where: string): unknown {
  if (typeof node === 'string') return interpolate(node, variables, where);
  if (Array.isArray(node)) return node.map((item, index) => interpolateAll(item, variables, `${where}[${index}]`));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, interpolateAll(value, variables, `${where}.${key}`)]));
  }
  return node;
}

function environment(raw: unknown, where: string): Record<string, string> {
  if (raw === undefined) return {};
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((item) => {
        const [key, ...rest] = String(item).split('=');
        return [key!, rest.length > 0 ? rest.join('=') : null];
      })
    : Object.entries(asRecord(raw, where));
  return Object.fromEntries(
    entries.map(([key, value]) => {
      if (value === null || value === undefined) throw new Error(`${where}.${key} has no value (it would pass the host's variable through)`);
      return [key, String(value)];
    }),
  );
}

function dependsOn(raw: unknown, where: string): ComposeService['dependsOn'] {
  if (raw === undefined) return [];
  if (Array.isArray(raw)) return raw.map((service) => ({ service: String(service), condition: 'service_started' }));
  return Object.entries(asRecord(raw, where)).map(([service, options]) => ({
    service,
    condition: String(asRecord(options ?? {}, `${where}.${service}`).condition ?? 'service_started'),
  }));
}

function ports(raw: unknown, where: string): ComposeService['ports'] {
  return ((raw as unknown[] | undefined) ?? []).map((entry, index) => {
    if (entry && typeof entry === 'object') {
      const { target, published } = entry as { target?: unknown; published?: unknown };
      return { target: Number(target), published: Number(published ?? target) };
    }
    const parts = String(entry).replace(/\/(tcp|udp)$/, '').split(':');
    const target = Number(parts.at(-1));
    const published = parts.length >= 2 ? Number(parts.at(-2)) : target;
    if (!Number.isInteger(target) || !Number.isInteger(published)) throw new Error(`${where}[${index}]: cannot read port "${String(entry)}"`);
    return { target, published };
  });
}

function mountOf(entry: unknown): { source: string; target: string; readOnly: boolean } {
  if (entry && typeof entry === 'object') {
    const { source, target, read_only: readOnly } = entry as { source: string; target: string; read_only?: boolean };
    return { source, target, readOnly: readOnly === true };
  }
  const [source, target, mode = ''] = String(entry).split(':');
  return { source: source!, target: target!, readOnly: mode.split(',').includes('ro') };
}

function volumes(raw: unknown, dir: string): ComposeMount[] {
  return ((raw as unknown[] | undefined) ?? []).map((entry) => {
    const { source, target, readOnly } = mountOf(entry);
    const bind = source.startsWith('.') || isAbsolute(source);
    return { source: bind ? join(dir, source) : source, target, bind, readOnly };
  });
}

function command(raw: unknown, where: string): string[] | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) return raw.map(String);
  throw new Error(`${where}: write the command in exec form, as a list`);
}

function healthcheck(raw: unknown, where: string): HealthTest | undefined {
  if (raw === undefined) return undefined;
  const options = asRecord(raw, where);
  if (options.disable === true) return { kind: 'exec', argv: [] };
  const test = options.test;
  if (test === undefined) return undefined;
  if (typeof test === 'string') return { kind: 'shell', line: test };
  const [mode, ...rest] = (test as unknown[]).map(String);
  if (mode === 'CMD') return { kind: 'exec', argv: rest };
  if (mode === 'CMD-SHELL') return { kind: 'shell', line: rest.join(' ') };
  if (mode === 'NONE') return { kind: 'exec', argv: [] };
  throw new Error(`${where}.test: must start with CMD, CMD-SHELL or NONE`);
}

function service(name: string, raw: Raw, dir: string): ComposeService {
  const where = `services.${name}`;
  const build = raw.build === undefined ? undefined : typeof raw.build === 'string' ? { context: raw.build } : asRecord(raw.build, `${where}.build`);
  const context = build ? join(dir, String(build.context ?? '.')) : undefined;
  return {
    name,
    image: raw.image === undefined ? undefined : String(raw.image),
    build: build && context ? { context, dockerfile: join(context, String(build.dockerfile ?? 'Dockerfile')) } : undefined,
    environment: environment(raw.environment, `${where}.environment`),
    command: command(raw.command, `${where}.command`),
    dependsOn: dependsOn(raw.depends_on, `${where}.depends_on`),
    ports: ports(raw.ports, `${where}.ports`),
    volumes: volumes(raw.volumes, dir),
    healthcheck: healthcheck(raw.healthcheck, `${where}.healthcheck`),
    stopGraceMs: raw.stop_grace_period === undefined ? 10_000 : parseDuration(String(raw.stop_grace_period), `${where}.stop_grace_period`),
    profiles: ((raw.profiles as unknown[] | undefined) ?? []).map(String),
  };
}

/**
 * Reads docker-compose.yaml with the values of .env.example (its documented defaults), after checking that the
 * two list the same variables; `overrides` replace some of those values (a user's own .env). Throws with a clear
 * message on a missing file or a shape it cannot read.
 */
export function readComposeProject(file: string, envExample: string, overrides: Readonly<Record<string, string>> = {}): ComposeProject {
  if (!existsSync(file)) throw new Error(`${file} not found: the rehearsal rehearses that file`);
  const document = parse(readFileSync(file, 'utf8')) as unknown;
  const variables = readEnvFile(envExample);
  const problems = checkComposeVariables(document, variables);
  if (problems.length > 0) throw new Error(`docker-compose.yaml and .env.example disagree:\n  - ${problems.join('\n  - ')}`);
  const root = asRecord(interpolateAll(document, { ...variables, ...overrides }, 'docker-compose.yaml'), file);
  if ('version' in root) throw new Error(`${file}: drop the obsolete "version:" key (Compose specification)`);
  const dir = dirname(file);
  const services = Object.entries(asRecord(root.services, `${file}: services`)).map(([name, raw]) => service(name, asRecord(raw, `services.${name}`), dir));
  const declared = Object.keys(root.volumes === undefined || root.volumes === null ? {} : asRecord(root.volumes, `${file}: volumes`));
  for (const each of services) {
    for (const { service: needed } of each.dependsOn) {
      if (!services.some((other) => other.name === needed)) throw new Error(`services.${each.name}.depends_on names "${needed}", which is not a service`);
    }
    for (const mount of each.volumes) {
      if (!mount.bind && !declared.includes(mount.source)) throw new Error(`services.${each.name}.volumes uses the volume "${mount.source}", which the top-level volumes: does not declare`);
    }
  }
  return { file, dir, services, volumes: declared };
}

import { relative } from 'node:path';
import type { ComposeProject, ComposeService } from './compose-file.js';
import { readShopDockerfile, type ShopDockerfile } from './dockerfile.js';
import { mapHosts } from './host-mapping.js';
import { observabilityImage } from './observability-images.js';
import { hostPathOf, mountMap } from './volume-mapping.js';

/** An app service (one with build:), its Dockerfile, and the health check Docker would run for it. */
export interface AppPlan {
  service: ComposeService;
  dockerfile: ShopDockerfile;
  dockerfilePath: string;
  /** The compose healthcheck when it has one, else the image's HEALTHCHECK; undefined for a one-shot app. */
  healthcheck?: { argv: string[]; timeoutMs: number; deadlineMs: number };
}

/** An infrastructure service (an image), and what stands in for it here. */
export interface InfraPlan {
  service: ComposeService;
  standIn: 'postgres' | 'nats' | 'unreachable';
  /** The port its image listens on inside the compose network. */
  containerPort: number;
  /** For nats: the configuration file its command runs with (`-c`), here, when it has one. */
  natsConfig?: string;
}

/** Every service of the compose file, apps in the order Docker would start them. */
export interface RehearsalPlan {
  apps: AppPlan[];
  infra: InfraPlan[];
}

/** The configuration file a nats command names (`-c` or `--config`), as the bind mount that puts it there. */
function natsConfigFile(service: ComposeService): string | undefined {
  const args = service.command ?? [];
  const flag = args.findIndex((arg) => arg === '-c' || arg === '--config');
  if (flag < 0) return undefined;
  const inContainer = args[flag + 1] ?? '';
  const here = hostPathOf(inContainer, mountMap(service.volumes.filter((mount) => mount.bind), () => ''));
  if (!here) throw new Error(`services.${service.name}.command runs with ${inContainer || 'no file'}, which no bind mount of the service puts there`);
  return here;
}

function infraPlan(service: ComposeService): InfraPlan {
  const image = service.image ?? '';
  if (/(^|\/)postgres:/.test(image)) return { service, standIn: 'postgres', containerPort: 5432 };
  if (/(^|\/)nats:/.test(image)) return { service, standIn: 'nats', containerPort: 4222, natsConfig: natsConfigFile(service) };
  if (/elasticsearch:/.test(image)) return { service, standIn: 'unreachable', containerPort: 9200 };
  // Checked by observability.ts instead: none runs here, and the apps work without them (their spans are dropped).
  const observability = observabilityImage(image);
  if (observability) return { service, standIn: 'unreachable', containerPort: observability.port };
  throw new Error(`services.${service.name}: the rehearsal has no stand-in for image "${image || '(none)'}" and it has no build:`);
}

/**
 * A named volume starts out owned by root, unless the image has the directory it is mounted on (then it takes that
 * directory's owner): an image running as another user must make each writable mount point its own.
 */
function checkVolumeOwnership(service: ComposeService, dockerfile: ShopDockerfile, path: string): void {
  const user = dockerfile.runtime.user;
  if (!user || user === 'root' || user === '0') return;
  for (const mount of service.volumes.filter((each) => !each.bind && !each.readOnly)) {
    const target = mount.target.replace(/\/+$/, '');
    const owned = dockerfile.runtime.runs.some((run) => run.includes(target) && new RegExp(`\\bchown\\s+(-R\\s+)?${user}\\b`).test(run));
    if (!owned) {
      throw new Error(
        `services.${service.name} mounts the volume ${mount.source} at ${target}, but ${path} does not make that directory ${user}'s ` +
          `(RUN mkdir -p ${target} && chown ${user}:${user} ${target}): the new volume would be root's and the app could not write to it`,
      );
    }
  }
}

function appPlan(service: ComposeService, root: string): AppPlan {
  const dockerfile = readShopDockerfile(service.build!.dockerfile);
  checkVolumeOwnership(service, dockerfile, relative(root, service.build!.dockerfile));
  const own = dockerfile.runtime.healthcheck;
  const compose = service.healthcheck;
  let healthcheck: AppPlan['healthcheck'];
  if (compose && compose.kind === 'shell') healthcheck = { argv: ['sh', '-c', compose.line], timeoutMs: 30_000, deadlineMs: 120_000 };
  else if (compose && compose.argv.length > 0) healthcheck = { argv: compose.argv, timeoutMs: 30_000, deadlineMs: 120_000 };
  else if (!compose && own) {
    healthcheck = { argv: own.argv, timeoutMs: own.timeoutMs, deadlineMs: own.startPeriodMs + own.retries * own.intervalMs };
  }
  return { service, dockerfile, dockerfilePath: relative(root, service.build!.dockerfile), healthcheck };
}

/** Orders apps so each starts after the apps it depends on, as Compose does; fails on a cycle. */
function startOrder(apps: AppPlan[]): AppPlan[] {
  const ordered: AppPlan[] = [];
  const visiting = new Set<string>();
  const visit = (app: AppPlan) => {
    if (ordered.includes(app)) return;
    if (visiting.has(app.service.name)) throw new Error(`depends_on has a cycle through ${app.service.name}`);
    visiting.add(app.service.name);
    for (const { service } of app.service.dependsOn) {
      const dependency = apps.find((other) => other.service.name === service);
      if (dependency) visit(dependency);
    }
    visiting.delete(app.service.name);
    ordered.push(app);
  };
  apps.forEach(visit);
  return ordered;
}

/** Sorts the compose services into apps to deploy and start, and infrastructure to stand in for. */
export function planRehearsal(project: ComposeProject, root: string): RehearsalPlan {
  const apps = project.services.filter((service) => service.build).map((service) => appPlan(service, root));
  if (apps.length === 0) throw new Error(`${project.file}: no service has build:, so there is nothing to rehearse`);
  for (const app of apps) {
    for (const { service, condition } of app.service.dependsOn) {
      const dependency = apps.find((other) => other.service.name === service);
      if (condition === 'service_healthy' && dependency && !dependency.healthcheck) {
        throw new Error(`services.${app.service.name} waits for ${service} to be healthy, but ${service} has no health check`);
      }
    }
  }
  const plan = { apps: startOrder(apps), infra: project.services.filter((service) => !service.build).map(infraPlan) };
  checkAddresses(plan);
  return plan;
}

/** Fails before anything is built when an app's environment names a service on a port that service does not listen on. */
function checkAddresses(plan: RehearsalPlan): void {
  const ports = new Map<string, Map<number, string>>([
    ...plan.infra.map(({ service, containerPort }) => [service.name, new Map([[containerPort, 'checked']])] as const),
    ...plan.apps.map(({ service, dockerfile }) => [service.name, new Map(dockerfile.runtime.expose.map((port) => [port, 'checked']))] as const),
  ]);
  for (const { service } of plan.apps) {
    for (const [name, value] of Object.entries(service.environment)) mapHosts(value, ports, `services.${service.name}.environment.${name}`);
  }
}

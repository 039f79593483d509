// `pnpm compose:rehearsal`: docker-compose.yaml without Docker. Builds and `pnpm deploy`s every service that has
// build:, then starts each one's Dockerfile CMD in its deploy output with exactly its compose environment (values
// from .env.example), container names mapped to local stand-ins: a fresh embedded Postgres that first runs the
// compose file's init script, a private nats-server with the compose file's configuration (its users and their
// permissions), and a closed port for Elasticsearch and for each observability container (whose mounted
// configuration is checked instead: observability.ts). Named volumes are temporary directories, owned as the image
// would make them. It waits on each image's HEALTHCHECK in depends_on order, runs the seed, smoke-tests the
// gateway's published port (signing in as the first admin with the password the account service made, and as the
// seed's sample customer), fails on anything NATS refused, reads each app's /metrics for what the dashboards query,
// stops everything with SIGTERM as docker does, and prints PASS, or the failure with each app's last log lines.
// Arguments (for trying it on other files): [compose file] [env file].
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AppProcess, ContainerRuntime } from './app-process.js';
import { readComposeProject } from './compose-file.js';
import { filledInValues } from './filled-in-values.js';
import { checkObservability } from './observability.js';
import { runApps } from './run-apps.js';
import { planRehearsal } from './plan.js';
import { assertPortFree } from './ports.js';
import { closedPortStandIn, startConfiguredNatsStandIn, startNatsStandIn, startPostgresStandIn, type StandIn } from './stand-ins.js';
import { buildForDeploy, checkDeployOutput, deployPackage } from './workspace-deploy.js';

const root = resolve(import.meta.dirname, '..', '..');
const composeFile = resolve(process.argv[2] ?? join(root, 'docker-compose.yaml'));
const envFile = resolve(process.argv[3] ?? join(root, '.env.example'));
const started = Date.now();
const say = (message: string) => process.stdout.write(`rehearsal | ${message}\n`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

const standIns: StandIn[] = [];
const running: { process: AppProcess; graceMs: number }[] = [];
const workDir = mkdtempSync(join(tmpdir(), 'shop-compose-rehearsal-'));
// The embedded Postgres runs as its own OS user and the apps as an unprivileged one: both need to reach inside.
chmodSync(workDir, 0o755);
mkdirSync(join(workDir, 'deploy'));
mkdirSync(join(workDir, 'volumes'), { mode: 0o755 });
const volumeDir = (name: string) => join(workDir, 'volumes', name);

/** The image's non-root USER, as an unprivileged user of this machine when the rehearsal runs as root. */
function containerUser(imageUser: string | undefined): ContainerRuntime['user'] {
  if (process.getuid?.() !== 0 || !imageUser || imageUser === 'root' || imageUser === '0') return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

let cleaning: Promise<void> | undefined;

/** Stops what is still running (apps first, as docker compose down does) and deletes the temporary directory; once. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const { process: app, graceMs } of running.reverse()) await app.stop(graceMs);
    for (const standIn of standIns.reverse()) await standIn.stop().catch(() => {});
    rmSync(workDir, { recursive: true, force: true });
  })();
  return cleaning;
}

async function rehearse(): Promise<void> {
  say(`1. reading ${composeFile} with the values of ${envFile}`);
  const project = readComposeProject(composeFile, envFile);
  const plan = planRehearsal(project, root);
  const observability = checkObservability(project, plan.apps);
  const filledProject = readComposeProject(composeFile, envFile, filledInValues(envFile));
  for (const app of plan.apps) {
    const { runtime } = app.dockerfile;
    say(
      `   ${app.service.name}: ${app.dockerfilePath} deploys ${app.dockerfile.deployPackage}; CMD ${runtime.cmd.join(' ')}` +
        `${app.healthcheck ? `; HEALTHCHECK ${app.healthcheck.argv.join(' ')}` : '; no health check (one-shot)'}` +
        `${runtime.expose.length ? `; EXPOSE ${runtime.expose.join(' ')}` : ''}; USER ${runtime.user ?? 'root'}`,
    );
  }
  for (const line of observability.summary) say(`   ${line}`);

  say('2. checking that the apps\' ports are free here');
  for (const app of plan.apps) {
    for (const port of app.dockerfile.runtime.expose) await assertPortFree(port, `${app.service.name}'s EXPOSE`);
  }

  say(`3. building what the images build: pnpm --filter-prod "<package>..." run build`);
  const buildStart = Date.now();
  await buildForDeploy(root, plan.apps.map((app) => app.dockerfile.deployPackage));
  say(`   built in ${seconds(buildStart)}`);

  say('4. pnpm deploy --prod --legacy of each app, and what each output holds');
  const deployDirs = new Map<string, string>();
  for (const app of plan.apps) {
    const target = join(workDir, 'deploy', app.service.name);
    const deployStart = Date.now();
    await deployPackage(root, app.dockerfile.deployPackage, target);
    const contents = checkDeployOutput(root, target);
    deployDirs.set(app.service.name, target);
    say(`   ${app.service.name}: deployed in ${seconds(deployStart)}; ${contents.workspacePackages.length} workspace packages with their files, ${contents.thirdPartyPackages} others at the lockfile's versions`);
  }

  say('5. starting the stand-ins for the infrastructure containers, and making the named volumes');
  for (const name of project.volumes) {
    const users = plan.apps.filter((app) => app.service.volumes.some((mount) => !mount.bind && mount.source === name)).map((app) => containerUser(app.dockerfile.runtime.user));
    mkdirSync(volumeDir(name), { mode: 0o700 });
    // As a new volume mounted on the image's directory: owned by the app's user (the image makes it so; plan.ts checks).
    const owner = users.find((user) => user !== undefined);
    if (owner) chownSync(volumeDir(name), owner.uid, owner.gid);
    if (users.length > 0) say(`   volume ${name} -> ${volumeDir(name)}${owner ? ` (owned by uid ${owner.uid})` : ''}`);
  }
  const hosts = new Map<string, Map<number, string>>();
  for (const infra of plan.infra) {
    const standIn =
      infra.standIn === 'postgres'
        ? await startPostgresStandIn(infra.service, join(workDir, 'postgres'), (line) => say(`   ${line}`))
        : infra.standIn === 'nats'
          ? infra.natsConfig
            ? await startConfiguredNatsStandIn(infra.service, infra.natsConfig, volumeDir)
            : await startNatsStandIn(join(workDir, 'nats'))
          : await closedPortStandIn(infra.containerPort, infra.service.name);
    standIns.push(standIn);
    hosts.set(infra.service.name, new Map([[standIn.containerPort, standIn.address]]));
    say(`   ${infra.service.name} (${infra.service.image}) -> ${standIn.description}`);
  }
  for (const app of plan.apps) {
    hosts.set(app.service.name, new Map(app.dockerfile.runtime.expose.map((port) => [port, `127.0.0.1:${port}`])));
  }

  await runApps(plan, {
    hosts,
    volumeDir,
    filledInEnvironments: new Map(filledProject.services.map((service) => [service.name, service.environment])),
    refusals: () => standIns.flatMap((standIn) => standIn.refusals?.() ?? []),
    deployDirs,
    running,
    say,
    userFor: containerUser,
    dashboardExprs: observability.dashboardExprs,
  });
}

let failed = false;
const interrupt = () => {
  say('interrupted; stopping everything');
  void cleanUp().then(() => process.exit(130));
};
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);
try {
  await rehearse();
} catch (error) {
  failed = true;
  say(`FAIL: ${(error as Error).message}`);
  for (const { process: app } of running) {
    say(`--- last lines of ${app.name} (exit code: ${app.exitCode() ?? 'running'}) ---`);
    for (const line of app.lastLines()) process.stdout.write(`${app.name.padEnd(8)}| ${line}\n`);
  }
} finally {
  await cleanUp();
}
if (failed) {
  say(`FAILED after ${seconds(started)}`);
  process.exit(1);
}
say(`PASS: docker-compose.yaml rehearsed in ${seconds(started)}`);
process.exit(0);

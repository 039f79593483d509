import { dirname } from 'node:path';
import { startApp, runsClean, type AppProcess, type ContainerRuntime } from './app-process.js';
import { checkConfigCoverage } from './config-coverage.js';
import { mapHosts, type HostMap } from './host-mapping.js';
import type { AppPlan, RehearsalPlan } from './plan.js';
import { isListening } from './ports.js';
import { firstAdmin, passwordLogLine, secretFiles, seededLogin } from './sign-in-details.js';
import { smokeTest } from './smoke.js';
import { memoryLine, memoryUnderLoad } from './memory-under-load.js';
import { checkScrapes } from './metrics-scrape.js';
import { mapMountedPath, mountMap } from './volume-mapping.js';

/** What the app phase needs from the setup: where each container name points, and the deploy outputs. */
export interface AppRunContext {
  hosts: HostMap;
  /** The directory standing in for a named volume. */
  volumeDir(name: string): string;
  /** Each app's compose environment once a user fills in every variable .env.example leaves empty (the secrets). */
  filledInEnvironments: ReadonlyMap<string, Record<string, string>>;
  /** What the infrastructure stand-ins refused the apps (NATS permission violations). */
  refusals(): string[];
  deployDirs: ReadonlyMap<string, string>;
  /** Started apps, shared with the caller so it can stop them when something fails. */
  running: { process: AppProcess; graceMs: number }[];
  say(message: string): void;
  userFor(imageUser: string | undefined): ContainerRuntime['user'];
  /** The Grafana dashboards' Prometheus expressions, which the apps' /metrics must serve between them. */
  dashboardExprs: readonly string[];
}

/** The message of a pino JSON log line, or the line itself. */
function logMessage(line: string): string {
  try {
    return String((JSON.parse(line) as { msg?: unknown }).msg ?? line).slice(0, 160);
  } catch {
    return line.slice(0, 160);
  }
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The container's environment here: service names pointed at their stand-ins, paths on volumes at their directories. */
function runtimeOf(app: AppPlan, context: AppRunContext, environment = app.service.environment): ContainerRuntime {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...app.dockerfile.runtime.env };
  const mounts = mountMap(app.service.volumes, context.volumeDir);
  for (const [name, value] of Object.entries(environment)) {
    const where = `services.${app.service.name}.environment.${name}`;
    env[name] = mapMountedPath(name, mapHosts(value, context.hosts, where), mounts, where);
  }
  return { cwd: context.deployDirs.get(app.service.name)!, env, user: context.userFor(app.dockerfile.runtime.user) };
}

/** Polls the health check as Docker would run it (more often than its interval) until it passes. */
async function waitHealthy(app: AppPlan, process: AppProcess, runtime: ContainerRuntime): Promise<void> {
  const check = app.healthcheck!;
  const deadline = Date.now() + Math.max(check.deadlineMs, 30_000);
  while (Date.now() < deadline) {
    if (process.exitCode() !== undefined) throw new Error(`${app.service.name} exited with code ${process.exitCode()} before it was healthy`);
    if (await runsClean(check.argv, runtime, check.timeoutMs)) return;
    await sleep(300);
  }
  throw new Error(`${app.service.name} was not healthy within ${Math.round(check.deadlineMs / 1000)} s (${check.argv.join(' ')})`);
}

/** Runs a one-shot app (the seed) to its end; it must exit 0, as `restart: "no"` gives it one chance. */
async function runToCompletion(app: AppPlan, process: AppProcess, context: AppRunContext): Promise<void> {
  const code = await Promise.race([process.exited, sleep(120_000).then(() => 'timeout' as const)]);
  for (const line of process.lastLines(10)) context.say(`   ${app.service.name} | ${line}`);
  if (code !== 0) throw new Error(`${app.service.name} ended with ${code === 'timeout' ? 'no exit within 120 s' : `exit code ${code}`}`);
}

/** Starts the apps in order, waits for each as depends_on says, smoke-tests, then stops them as docker stop does. */
export async function runApps(plan: RehearsalPlan, context: AppRunContext): Promise<void> {
  const { say } = context;
  const runtimes = new Map(plan.apps.map((app) => [app.service.name, runtimeOf(app, context)]));

  say('6. checking each app\'s config against its compose environment (plain node in the deploy output)');
  for (const app of plan.apps) {
    const coverage = checkConfigCoverage(app.service.name, app.service.environment, app.dockerfile.runtime.env, runtimes.get(app.service.name)!);
    // What a user gets who sets the secrets .env.example leaves empty (JWT_PRIVATE_KEY, ADMIN_PASSWORD...).
    const filled = context.filledInEnvironments.get(app.service.name)!;
    const changed = Object.keys(filled).filter((name) => filled[name] !== app.service.environment[name]);
    if (changed.length > 0) {
      const label = `${app.service.name} (with ${changed.join(', ')} set in .env)`;
      checkConfigCoverage(label, filled, app.dockerfile.runtime.env, runtimeOf(app, context, filled));
    }
    const alsoFilled = changed.length > 0 ? `; also with ${changed.join(', ')} set` : '';
    say(`   ${app.service.name}: accepted${alsoFilled}${coverage.defaulted.length ? `; defaults for ${coverage.defaulted.join(', ')}` : ''}`);
  }

  say('7. starting each app\'s CMD in its deploy output, in depends_on order, waiting on its health check');
  for (const app of plan.apps) {
    const runtime = runtimes.get(app.service.name)!;
    const appStart = Date.now();
    const process = startApp(app.service.name, app.service.command ?? app.dockerfile.runtime.cmd, runtime);
    context.running.push({ process, graceMs: app.service.stopGraceMs });
    if (app.healthcheck) {
      await waitHealthy(app, process, runtime);
      const silent = [];
      for (const port of app.dockerfile.runtime.expose) if (!(await isListening(port))) silent.push(port);
      if (silent.length > 0) throw new Error(`${app.service.name} is healthy but nothing listens on its EXPOSE ${silent.join(' ')}`);
      say(`   ${app.service.name}: healthy in ${seconds(appStart)}${runtime.user ? ` (running as uid ${runtime.user.uid}, not root)` : ''}`);
    } else {
      await runToCompletion(app, process, context);
      say(`   ${app.service.name}: done in ${seconds(appStart)}`);
    }
  }

  const published = plan.apps.flatMap((app) => app.service.ports.map((port) => ({ app, ...port })));
  if (published.length === 0) throw new Error('no app publishes a port, so nothing can be smoke-tested');
  const admin = firstAdmin(plan.apps, runtimes);
  const oneShot = context.running.find((entry) => !plan.apps.find((app) => app.service.name === entry.process.name)?.healthcheck);
  if (!oneShot) throw new Error('no one-shot app (the seed) ran, so there is no sample customer to sign in as');
  const customer = seededLogin(oneShot.process);
  for (const { app, published: hostPort, target } of published) {
    say(`8. smoke test through ${app.service.name}'s published port ${hostPort} (container port ${target})`);
    const result = await smokeTest(`http://127.0.0.1:${target}`, admin, customer).catch((error: Error) => {
      const refused = context.refusals();
      throw refused.length > 0 ? new Error(`${error.message}; meanwhile NATS refused the apps:\n  ${refused.slice(0, 10).join('\n  ')}`) : error;
    });
    say(`   products(first: 5): ${result.listed.join(', ')}`);
    say(`   products(query: "zephyr"): ${result.found.join(', ')}`);
    say(`   GET /playground: 200, ${result.playgroundBytes} bytes of HTML`);
    say(`   login as ${result.admin.email} (${admin.madeIn ? `password made by ${admin.service}` : 'ADMIN_PASSWORD'}): me.role ${result.admin.role}; accounts(first: 1): ${result.admin.accountsListed} account`);
    say(`   login as ${result.customer.email} (the seed's sample login): me.role ${result.customer.role}; its orders ${result.customer.orderStatuses.join(', ')} (the stock saga ran over NATS); accounts(first: 1): ${result.customer.refusedCode}`);
  }
  if (admin.madeIn) {
    const maker = context.running.find((entry) => entry.process.name === admin.service)!.process;
    say(`   ${admin.service} made its secrets in its volume: ${secretFiles(dirname(admin.madeIn)).join(', ')}; \`docker compose logs ${admin.service} | grep password\` finds:`);
    say(`     "${logMessage(passwordLogLine(maker, admin.password))}", with the password`);
  }
  const refusals = context.refusals();
  if (refusals.length > 0) throw new Error(`NATS refused the apps ${refusals.length} time(s), so some could not do their work:\n  ${refusals.slice(0, 10).join('\n  ')}`);
  say('   NATS refused nothing: every app did its work as its own user');
  for (const infra of plan.infra.filter((each) => each.standIn === 'unreachable')) {
    for (const app of plan.apps.filter((each) => each.service.dependsOn.some((dependency) => dependency.service === infra.service.name))) {
      const running = context.running.find((entry) => entry.process.name === app.service.name)?.process;
      const messages = new Set((running?.linesMatching(new RegExp(infra.service.name, 'i')) ?? []).map(logMessage));
      say(`   ${app.service.name} stayed ready and answered the search without ${infra.service.name}; it logged: ${[...messages].map((message) => `"${message}"`).join(', ') || 'nothing about it'}`);
    }
  }

  const gateway = published[0]!;
  say(`   resident memory of each app's processes (node dist/main.js, as its image runs it), idle, then at the peak of 8 s of anonymous product(id) through port ${gateway.target}, 16 requests in flight:`);
  const memory = await memoryUnderLoad(context.running.map((entry) => entry.process), `http://127.0.0.1:${gateway.target}`);
  for (const figure of memory.figures) say(`     ${memoryLine(figure)}`);
  say(`     (the load: ${memory.perSecond.toFixed(0)} requests/s, from this process)`);
  if (plan.apps.some((app) => app.service.environment.METRICS_PORT)) {
    say('   /metrics of each app on its METRICS_PORT, as Prometheus scrapes it, after that traffic:');
    for (const line of await checkScrapes(plan.apps, context.dashboardExprs)) say(`     ${line}`);
  }

  say('9. stopping every app with SIGTERM, as docker stop does, in reverse order');
  while (context.running.length > 0) {
    const { process, graceMs } = context.running.pop()!;
    if (process.exitCode() !== undefined) {
      say(`   ${process.name}: had already exited with code ${process.exitCode()}`);
      continue;
    }
    const stopStart = Date.now();
    const { code, killed } = await process.stop(graceMs);
    if (killed) throw new Error(`${process.name} did not exit within its stop_grace_period (${graceMs / 1000} s) after SIGTERM`);
    if (code !== 0) throw new Error(`${process.name} exited with code ${code} after SIGTERM; a clean drain exits 0`);
    say(`   ${process.name}: exited with code ${code} in ${seconds(stopStart)}`);
  }
}

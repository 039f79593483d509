import { existsSync, readFileSync } from 'node:fs';
import { parseDuration } from './duration.js';

/** The image's HEALTHCHECK: the command and Docker's timing for it. */
export interface ImageHealthcheck {
  argv: string[];
  intervalMs: number;
  timeoutMs: number;
  startPeriodMs: number;
  retries: number;
}

/** What the rehearsal needs from one of the shop's Dockerfiles. */
export interface ShopDockerfile {
  /** The workspace package the build stage deploys (`pnpm --filter <package> deploy ... <dir>`). */
  deployPackage: string;
  /** The runtime stage: where the deploy output goes and how the container runs it. */
  runtime: {
    workdir: string;
    env: Record<string, string>;
    user?: string;
    expose: number[];
    healthcheck?: ImageHealthcheck;
    cmd: string[];
    /** The runtime stage's RUN commands (directories it prepares, such as a volume's mount point). */
    runs: string[];
  };
}

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** Joins continuation lines and drops comments and parser directives. */
function instructions(text: string): Instruction[] {
  const result: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trimEnd();
    if (!pending && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    if (pending && line.trim().startsWith('#')) continue;
    const continued = line.endsWith('\\');
    const piece = continued ? line.slice(0, -1) : line;
    pending = pending ? { text: `${pending.text} ${piece.trim()}`, line: pending.line } : { text: piece.trim(), line: index + 1 };
    if (!continued) {
      const [keyword, ...rest] = pending.text.split(/\s+/);
      result.push({ keyword: keyword!.toUpperCase(), args: rest.join(' '), line: pending.line });
      pending = undefined;
    }
  }
  return result;
}

function execForm(args: string, where: string): string[] {
  try {
    const parsed = JSON.parse(args) as unknown;
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((part) => typeof part === 'string')) return parsed;
  } catch {
    // fall through to the error below
  }
  throw new Error(`${where}: use the exec form ["node", "..."], so node is PID 1 and receives SIGTERM (got: ${args})`);
}

function envPairs(args: string, where: string): Record<string, string> {
  const pairs = [...args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)];
  if (pairs.length === 0) throw new Error(`${where}: write ENV as KEY=value`);
  return Object.fromEntries(pairs.map((pair) => [pair[1]!, pair[2]!.replace(/^"(.*)"$/, '$1')]));
}

function healthcheck(args: string, where: string): ImageHealthcheck | undefined {
  if (args.trim() === 'NONE') return undefined;
  const match = /^((?:--[a-z-]+=\S+\s+)*)CMD\s+(.*)$/.exec(args);
  if (!match) throw new Error(`${where}: expected HEALTHCHECK [--option=value ...] CMD [...]`);
  const options = Object.fromEntries([...match[1]!.matchAll(/--([a-z-]+)=(\S+)/g)].map((option) => [option[1]!, option[2]!]));
  const duration = (name: string, fallback: string) => parseDuration(options[name] ?? fallback, `${where} --${name}`);
  return {
    argv: execForm(match[2]!, where),
    intervalMs: duration('interval', '30s'),
    timeoutMs: duration('timeout', '30s'),
    startPeriodMs: duration('start-period', '0s'),
    retries: Number(options.retries ?? 3),
  };
}

/**
 * Reads a multi-stage Dockerfile of the shop: the package its build stage deploys, and the final stage's
 * WORKDIR, ENV, USER, EXPOSE, HEALTHCHECK and CMD. The final stage must copy the deploy output into its WORKDIR.
 */
export function readShopDockerfile(path: string): ShopDockerfile {
  if (!existsSync(path)) throw new Error(`${path} not found: every service with build: needs its Dockerfile`);
  const all = instructions(readFileSync(path, 'utf8'));
  const stageStarts = all.flatMap((instruction, index) => (instruction.keyword === 'FROM' ? [index] : []));
  if (stageStarts.length < 2) throw new Error(`${path}: expected a build stage and a runtime stage (two FROM lines)`);
  const build = all.slice(0, stageStarts.at(-1));
  const runtime = all.slice(stageStarts.at(-1)! + 1);
  const at = (instruction: Instruction) => `${path}:${instruction.line}`;

  const deploys = build.flatMap((instruction) => {
    const match = instruction.keyword === 'RUN' ? /pnpm\s+--filter[= ]"?([^"\s]+)"?\s+deploy\s.*?(\S+)$/.exec(instruction.args) : null;
    return match ? [{ deployPackage: match[1]!, target: match[2]! }] : [];
  });
  if (deploys.length !== 1) throw new Error(`${path}: expected exactly one RUN pnpm --filter <package> deploy ... <dir> in the build stage`);
  const { deployPackage, target } = deploys[0]!;
  if (!build.some((instruction) => instruction.keyword === 'RUN' && instruction.args.includes(deployPackage) && /\brun build\b/.test(instruction.args))) {
    throw new Error(`${path}: the build stage deploys ${deployPackage} but never runs its build (RUN pnpm --filter-prod "${deployPackage}..." run build)`);
  }

  let workdir = '/';
  let user: string | undefined;
  let cmd: string[] | undefined;
  let check: ImageHealthcheck | undefined;
  let copiesDeploy = false;
  const env: Record<string, string> = {};
  const expose: number[] = [];
  const runs: string[] = [];
  for (const instruction of runtime) {
    const where = at(instruction);
    if (instruction.keyword === 'WORKDIR') workdir = instruction.args.trim();
    else if (instruction.keyword === 'ENV') Object.assign(env, envPairs(instruction.args, where));
    else if (instruction.keyword === 'USER') user = instruction.args.trim();
    else if (instruction.keyword === 'EXPOSE') expose.push(...instruction.args.split(/\s+/).map((port) => Number(port.replace(/\/tcp$/, ''))));
    else if (instruction.keyword === 'HEALTHCHECK') check = healthcheck(instruction.args, where);
    else if (instruction.keyword === 'CMD') cmd = execForm(instruction.args, where);
    else if (instruction.keyword === 'RUN') runs.push(instruction.args);
    else if (instruction.keyword === 'COPY' && /--from=/.test(instruction.args)) {
      const [source, destination] = instruction.args.split(/\s+/).filter((part) => !part.startsWith('--'));
      copiesDeploy ||= source?.replace(/\/$/, '') === target.replace(/\/$/, '') && ['.', './', workdir, `${workdir}/`].includes(destination ?? '');
    }
  }
  if (!copiesDeploy) throw new Error(`${path}: the runtime stage must COPY --from=<build stage> ${target} into its WORKDIR`);
  if (!cmd) throw new Error(`${path}: the runtime stage has no CMD`);
  return { deployPackage, runtime: { workdir, env, user, expose, healthcheck: check, cmd, runs } };
}

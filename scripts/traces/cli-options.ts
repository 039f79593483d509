// The command line of `pnpm traces`, read without side effects so it can be tested.

/** What `pnpm traces` was asked to do. */
export interface CliOptions {
  port: number;
  host: string;
  quietMs: number;
  help: boolean;
}

/** The help text, also shown after a usage error. */
export const USAGE = `usage: pnpm traces [--port N] [--host ADDRESS] [--quiet-ms N]
  --port N       port to listen on (default 4318, the OTLP/HTTP port; or env TRACES_PORT; 0 picks a free one)
  --host ADDRESS address to listen on (default 127.0.0.1; 0.0.0.0 to take spans from other machines)
  --quiet-ms N   a trace is printed once no span of it arrived for N ms (default 2000)`;

function wholeNumber(text: string | undefined, what: string, max: number): number {
  const value = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || value > max) throw new Error(`${what} must be a whole number from 0 to ${max}, got ${JSON.stringify(text ?? '')}`);
  return value;
}

/** Reads the arguments after `pnpm traces` and the environment; throws an Error saying what is wrong. */
export function parseCliOptions(argv: string[], env: Record<string, string | undefined>): CliOptions {
  const options: CliOptions = {
    port: env.TRACES_PORT ? wholeNumber(env.TRACES_PORT, 'TRACES_PORT', 65_535) : 4318,
    host: '127.0.0.1',
    quietMs: 2000,
    help: false,
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    // Both "--port 4319" and "--port=4319".
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++index];
    if (flag === '--port') options.port = wholeNumber(value(), '--port', 65_535);
    else if (flag === '--quiet-ms') options.quietMs = wholeNumber(value(), '--quiet-ms', 3_600_000);
    else if (flag === '--host') {
      const host = value();
      if (!host || host.startsWith('-')) throw new Error('--host needs an address, such as 127.0.0.1 or 0.0.0.0');
      options.host = host;
    } else if (flag === '--help' || flag === '-h') options.help = true;
    // pnpm passes a lone "--" through when someone writes `pnpm traces -- --port 4319`.
    else if (flag !== '--') throw new Error(`unknown argument ${JSON.stringify(arg)}`);
  }
  return options;
}

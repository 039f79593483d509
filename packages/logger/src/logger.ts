import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** The one way processes make a logger: JSON lines on stdout, named for the process that writes them. */
export function createLogger(name: string, level: LevelWithSilent = 'info'): Logger {
  return pino({ name, level, base: { name }, timestamp: pino.stdTimeFunctions.isoTime });
}

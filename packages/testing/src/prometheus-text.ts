/** One sample of a Prometheus text exposition: series name, labels, value. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A parsed exposition: the declared type of each metric family, and every sample. */
export interface PrometheusExposition {
  types: Map<string, string>;
  samples: PrometheusSample[];
}

const METRIC_NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${METRIC_NAME})(\\{(.*)\\})?\\s+(\\S+)(\\s+-?\\d+)?$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$)/y;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

/**
 * Parses Prometheus's text format (version 0.0.4) strictly, the way a scraper would refuse it: every line must be
 * a HELP or TYPE comment, another comment, or a well-formed sample; throws naming the first bad line.
 */
export function parsePrometheusText(text: string): PrometheusExposition {
  const types = new Map<string, string>();
  const samples: PrometheusSample[] = [];
  text.split('\n').forEach((line, index) => {
    const where = `line ${index + 1}: ${line.slice(0, 120)}`;
    if (line.trim() === '') return;
    if (line.startsWith('#')) {
      const type = /^# TYPE (\S+) (\S+)$/.exec(line);
      if (type) {
        if (!TYPES.has(type[2]!)) throw new Error(`unknown metric type, ${where}`);
        types.set(type[1]!, type[2]!);
      } else if (line.startsWith('# TYPE') || (line.startsWith('# HELP') && !/^# HELP \S+ /.test(line))) {
        throw new Error(`malformed comment, ${where}`);
      }
      return;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`malformed sample, ${where}`);
    const value = Number(match[4] === '+Inf' ? Infinity : match[4] === '-Inf' ? -Infinity : match[4]);
    if (Number.isNaN(value) && match[4] !== 'NaN') throw new Error(`bad value, ${where}`);
    samples.push({ name: match[1]!, labels: parseLabels(match[3] ?? '', where), value });
  });
  return { types, samples };
}

function parseLabels(text: string, where: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text);
    if (!match) throw new Error(`malformed labels, ${where}`);
    labels[match[1]!] = match[2]!.replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char));
  }
  return labels;
}

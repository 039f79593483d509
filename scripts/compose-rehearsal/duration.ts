const UNITS_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** Reads a Docker/Compose duration such as `10s`, `1m30s` or `500ms` into milliseconds. */
export function parseDuration(text: string, where: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text.trim()) {
    throw new Error(`${where}: "${text}" is not a duration such as 10s, 1m30s or 500ms`);
  }
  return parts.reduce((total, part) => total + Number(part[1]) * UNITS_MS[part[2]!]!, 0);
}

// Keywords of PromQL that look like metric names where they stand (a grouping's own list is removed before).
const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset', 'atan2', 'inf', 'nan']);

/**
 * The metric names a PromQL expression selects (`rate(x_total{a="b"}[5m])` selects x_total), so that the rehearsal
 * can ask the running apps for each one. Enough PromQL for dashboards: strings, label matchers, ranges and
 * grouping lists are dropped, then every name that is not a function call or a keyword is a metric.
 */
export function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  // Not part of a number (1e-9), a Grafana variable ($service) or a longer name; not followed by "(" (a function).
  for (const match of stripped.matchAll(/(?<![\w$.:])([A-Za-z_:][\w:]*)(?![\w:])(?!\s*\()/g)) {
    if (!KEYWORDS.has(match[1]!.toLowerCase())) names.add(match[1]!);
  }
  return [...names];
}

/**
 * The label names a PromQL expression matches on or groups by (`sum by (service) (x{code!="OK"})`: service and
 * code), so that the rehearsal can check the running apps label the metric so.
 */
export function labelNames(expr: string): string[] {
  const names = new Set<string>();
  const unquoted = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
  for (const matchers of unquoted.matchAll(/\{([^}]*)\}/g)) {
    for (const matcher of matchers[1]!.matchAll(/([A-Za-z_]\w*)\s*(?:=~|!~|!=|=)/g)) names.add(matcher[1]!);
  }
  for (const grouping of unquoted.matchAll(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g)) {
    for (const label of grouping[1]!.split(',').map((each) => each.trim())) if (label) names.add(label);
  }
  return [...names];
}

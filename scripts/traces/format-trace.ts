// A finished trace as the indented text `pnpm traces` prints: one header line, then one line per span.
import type { AttributeValue, ReceivedSpan } from './received-span.js';
import { buildTree, walkTree, type TraceTreeNode } from './trace-tree.js';

// The attributes worth a place on a span's line, with how much of each value to show. Both names of the SQL text are
// here: db.statement is the older semantic convention, db.query.text the current one.
const KEY_ATTRIBUTES: { key: string; maxLength: number }[] = [
  { key: 'graphql.operation.name', maxLength: 60 },
  { key: 'rpc.method', maxLength: 60 },
  { key: 'messaging.destination.name', maxLength: 60 },
  { key: 'db.statement', maxLength: 80 },
  { key: 'db.query.text', maxLength: 80 },
  { key: 'shop.order_id', maxLength: 60 },
  { key: 'shop.error_code', maxLength: 60 },
];

const DETACHED_NOTE: Record<NonNullable<TraceTreeNode['detached']>, string> = {
  'parent-not-received': '(parent not received)',
  'parent-cycle': '(parent ids form a cycle)',
};

/**
 * Text from a span as one printable line: names and values come from the network, and a control character or
 * an ANSI escape sequence in them must not rewrite the developer's terminal or break the tree's layout.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ');
}

function shorten(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}

/** Milliseconds with two decimals under 10 ms (where they tell spans apart), one above. */
export function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
}

function valueText(value: AttributeValue): string {
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (Array.isArray(value)) return `[${value.map(valueText).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([key, item]) => `${key}: ${valueText(item)}`).join(', ')}}`;
  return String(value);
}

function attributeText(key: string, value: AttributeValue, maxLength: number): string {
  // SQL spans lines and runs of spaces; on one line a single space between words reads best.
  const shown = shorten(printable(valueText(value)).replace(/\s+/g, ' ').trim(), maxLength);
  return `${key}=${typeof value === 'string' && (shown === '' || /[\s="]/.test(shown)) ? JSON.stringify(shown) : shown}`;
}

function spanLine(node: TraceTreeNode, depth: number): string[] {
  const { span } = node;
  const parts = [printable(span.service), printable(span.name) || '(no name)'];
  if (span.kind !== 'UNSPECIFIED') parts.push(span.kind);
  parts.push(formatMs(span.durationMs));
  if (span.status.code === 'ERROR') parts.push(span.status.message ? `ERROR: ${shorten(printable(span.status.message), 120)}` : 'ERROR');
  for (const { key, maxLength } of KEY_ATTRIBUTES) {
    if (Object.hasOwn(span.attributes, key)) parts.push(attributeText(key, span.attributes[key]!, maxLength));
  }
  if (node.detached) parts.push(DETACHED_NOTE[node.detached]);
  const indent = '  '.repeat(depth + 1);
  return [`${indent}${parts.join('  ')}`, ...span.links.map((link) => `${indent}  ↪ linked from ${link.traceId}/${link.spanId}`)];
}

/**
 * One trace as text: a header (trace id, the root span's service and name, the time from the first start to the
 * last end, the span count), then each span indented under its parent, children in start order; spans whose parent
 * is missing follow as further roots marked "(parent not received)". No trailing newline.
 */
export function formatTrace(spans: ReceivedSpan[]): string {
  if (spans.length === 0) return '(no spans)';
  const roots = buildTree(spans);
  const root = roots.find((node) => !node.detached)?.span;
  const start = spans.reduce((min, span) => (span.startNs < min ? span.startNs : min), spans[0]!.startNs);
  const end = spans.reduce((max, span) => (span.endNs > max ? span.endNs : max), spans[0]!.endNs);
  const rootText = root ? `${printable(root.service)} ${printable(root.name)}` : '(root span not received)';
  const header = `trace ${spans[0]!.traceId}  ${rootText}  ${formatMs(Number(end - start) / 1e6)}  ${spans.length} span${spans.length === 1 ? '' : 's'}`;
  return [header, ...walkTree(roots).flatMap(({ node, depth }) => spanLine(node, depth))].join('\n');
}

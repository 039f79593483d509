// The spans of one trace arranged as their parent ids say, for printing and for tests that assert on the shape.
import type { ReceivedSpan } from './received-span.js';

/** One span and the spans whose parent it is, earliest first. */
export interface TraceTreeNode {
  span: ReceivedSpan;
  children: TraceTreeNode[];
  /**
   * Why a span that names a parent is a root anyway: its parent never arrived (not exported, still running, or
   * dropped), or its parent ids go round in a circle, which only a broken or hostile exporter sends.
   */
  detached?: 'parent-not-received' | 'parent-cycle';
}

/** Orders spans by start time, the order their work began; ties keep their given order (Array sort is stable). */
export function compareByStart(a: ReceivedSpan, b: ReceivedSpan): number {
  return a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0;
}

const byNodeStart = (a: TraceTreeNode, b: TraceTreeNode) => compareByStart(a.span, b.span);

/**
 * The roots of a trace, each with its descendants, children sorted by start time: the true roots (no parent id)
 * first, then the spans whose parent is not among `spans`, marked detached. Every span appears exactly once.
 */
export function buildTree(spans: ReceivedSpan[]): TraceTreeNode[] {
  const nodes = spans.map((span): TraceTreeNode => ({ span, children: [] }));
  const bySpanId = new Map<string, TraceTreeNode>();
  for (const node of nodes) if (!bySpanId.has(node.span.spanId)) bySpanId.set(node.span.spanId, node);

  const roots: TraceTreeNode[] = [];
  const detached: TraceTreeNode[] = [];
  const parentOf = new Map<TraceTreeNode, TraceTreeNode>();
  for (const node of nodes) {
    const parentId = node.span.parentSpanId;
    const parent = parentId === undefined ? undefined : bySpanId.get(parentId);
    if (parentId === undefined) {
      roots.push(node);
    } else if (!parent) {
      node.detached = 'parent-not-received';
      detached.push(node);
    } else if (parent === node) {
      node.detached = 'parent-cycle';
      detached.push(node);
    } else {
      parent.children.push(node);
      parentOf.set(node, parent);
    }
  }

  // Spans no root reaches sit on a circle of parent ids: cut each circle at its earliest span, which becomes a root.
  const reached = new Set<TraceTreeNode>();
  const reach = (from: TraceTreeNode) => {
    const stack = [from];
    for (let node = stack.pop(); node; node = stack.pop()) {
      reached.add(node);
      for (const child of node.children) stack.push(child);
    }
  };
  [...roots, ...detached].forEach(reach);
  for (const node of [...nodes].sort(byNodeStart)) {
    if (reached.has(node)) continue;
    const parent = parentOf.get(node)!;
    parent.children.splice(parent.children.indexOf(node), 1);
    node.detached = 'parent-cycle';
    detached.push(node);
    reach(node);
  }

  for (const node of nodes) node.children.sort(byNodeStart);
  return [...roots.sort(byNodeStart), ...detached.sort(byNodeStart)];
}

/** Every node of a tree with its depth (roots are 0), parents before children, in the order a printout lists them. */
export function walkTree(roots: TraceTreeNode[]): { node: TraceTreeNode; depth: number }[] {
  const out: { node: TraceTreeNode; depth: number }[] = [];
  // A stack, not recursion: a long chain of spans must not exhaust the call stack.
  const stack = roots.map((node) => ({ node, depth: 0 })).reverse();
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    out.push(entry);
    const depth = entry.depth + 1;
    for (let index = entry.node.children.length - 1; index >= 0; index--) stack.push({ node: entry.node.children[index]!, depth });
  }
  return out;
}

import { describe, expect, it } from '@jest/globals';
import { receivedSpan } from './otlp-fixtures.js';
import { buildTree, walkTree, type TraceTreeNode } from './trace-tree.js';

type Shape = [string, ...(string | Shape[])[]];

/** A tree as nested [name, (detached,) children] arrays, so one toEqual shows the whole shape. */
function shape(nodes: TraceTreeNode[]): Shape[] {
  return nodes.map((node) => (node.detached ? [node.span.name, node.detached, shape(node.children)] : [node.span.name, shape(node.children)]));
}

describe('buildTree', () => {
  it('hangs each span under its parent, children by start time whatever order the spans came in', () => {
    const spans = [
      receivedSpan({ spanId: 'c', parentSpanId: 'a', name: 'second child', startMs: 5 }),
      receivedSpan({ spanId: 'd', parentSpanId: 'c', name: 'grandchild', startMs: 6 }),
      receivedSpan({ spanId: 'a', name: 'root', startMs: 0 }),
      receivedSpan({ spanId: 'b', parentSpanId: 'a', name: 'first child', startMs: 1 }),
    ];
    expect(shape(buildTree(spans))).toEqual([['root', [['first child', []], ['second child', [['grandchild', []]]]]]]);
  });

  it('puts spans whose parent did not arrive after the true roots, marked, each with its own children', () => {
    const spans = [
      receivedSpan({ spanId: 'o', parentSpanId: 'missing', name: 'orphan', startMs: 0 }),
      receivedSpan({ spanId: 'p', parentSpanId: 'o', name: 'orphan child', startMs: 1 }),
      receivedSpan({ spanId: 'r', name: 'root', startMs: 2 }),
    ];
    expect(shape(buildTree(spans))).toEqual([
      ['root', []],
      ['orphan', 'parent-not-received', [['orphan child', []]]],
    ]);
  });

  it('cuts circles of parent ids at their earliest span, so every span still appears exactly once', () => {
    const spans = [
      receivedSpan({ spanId: 'x', parentSpanId: 'y', name: 'x', startMs: 1 }),
      receivedSpan({ spanId: 'y', parentSpanId: 'x', name: 'y', startMs: 2 }),
      receivedSpan({ spanId: 's', parentSpanId: 's', name: 'own parent', startMs: 0 }),
    ];
    expect(shape(buildTree(spans))).toEqual([
      ['own parent', 'parent-cycle', []],
      ['x', 'parent-cycle', [['y', []]]],
    ]);
  });

  it('walks parents before children with their depth, without recursion deep enough to overflow', () => {
    const chain = Array.from({ length: 50_000 }, (_, index) => receivedSpan({ spanId: `s${index}`, parentSpanId: index === 0 ? undefined : `s${index - 1}`, startMs: index }));
    const walked = walkTree(buildTree(chain));
    expect(walked).toHaveLength(50_000);
    expect(walked.at(-1)).toMatchObject({ depth: 49_999, node: { span: { spanId: 's49999' } } });
  });
});

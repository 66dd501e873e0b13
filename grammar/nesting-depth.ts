// A limit on how deeply a statement's nodes nest. The parser reads flat chains (a+a+...+a,
// x[1][1]...[1]) with loops, but the tree it builds for them is as deep as the chain is long, and
// every later stage (analysis, folding, compiling, printing, EXPLAIN) walks trees recursively: a
// 10,000-term chain would overflow the stack there. Rejecting such statements here, with an
// explicit-stack walk that cannot overflow itself, keeps every stage within Node's default stack.
import { SqlError } from '../src/types/sql-error.js';
import type { Span } from '../src/types/sql-error.js';

/**
 * Nodes (expressions, types, clauses) a statement may nest. Measured on Node's default stack:
 * every stage copes with chains of 3,000; 1,000 leaves a margin for callers deep in a stack.
 */
export const MAX_NESTING_DEPTH = 1000;

/** A value to visit, its depth, and the span of the nearest node around it (types have none). */
interface Pending { value: unknown; depth: number; at: Span | undefined }

/** Throws a PARSE_ERROR at the first node nested deeper than `limit`. */
export function checkNestingDepth(root: object, limit = MAX_NESTING_DEPTH): void {
  const stack: Pending[] = [{ value: root, depth: 0, at: undefined }];
  while (stack.length > 0) {
    const { value, depth, at } = stack.pop()!;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push({ value: item, depth, at });
      continue;
    }
    const node = value as Record<string, unknown>;
    // Only nodes (they have a kind) count; spans, WHEN pairs and the like do not.
    const d = typeof node.kind === 'string' ? depth + 1 : depth;
    const span = isSpan(node.span) ? node.span : at;
    if (d > limit) {
      throw new SqlError('PARSE_ERROR', `expression nested too deeply (limit ${limit})`,
        { position: span && { line: span.line, column: span.column, offset: span.offset } });
    }
    for (const key in node) {
      const child = node[key];
      if (key !== 'span' && child !== null && typeof child === 'object') stack.push({ value: child, depth: d, at: span });
    }
  }
}

const isSpan = (s: unknown): s is Span => s !== null && typeof s === 'object' && typeof (s as Span).offset === 'number';

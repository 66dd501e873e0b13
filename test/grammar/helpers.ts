// Test helpers: comparing ASTs without their source positions.
import { formatStatement, parseStatement } from '../../grammar/index.js';
import type { Statement } from '../../grammar/ast.js';

/**
 * A deep copy without spans and statement texts (where a node came from, not what it is).
 * A NumberLit's `text` is its value and stays.
 */
export function withoutSpans<T>(node: T): T {
  return JSON.parse(JSON.stringify(node, function (this: { kind?: string }, key, value) {
    if (key === 'span') return undefined;
    if (key === 'text' && this.kind !== 'NumberLit') return undefined;
    return value;
  }));
}

/** The statement parsed, printed, and parsed again: both trees (spans removed) and the printed text. */
export function roundTrip(sql: string): { first: Statement; second: Statement; printed: string } {
  const first = parseStatement(sql);
  const printed = formatStatement(first);
  const second = parseStatement(printed);
  return { first: withoutSpans(first), second: withoutSpans(second), printed };
}

// Splits the editor's text into statements at the semicolons outside quotes and comments, keeping
// where each starts, so that an error's "line L, column C" (relative to its statement) can be
// marked at the right place in the editor.

export interface Statement {
  text: string;
  /** Offset of the statement's first character in the whole text. */
  start: number;
  /** Whether it is a query (SELECT): it runs on /query-stream, the rest on /ksql. */
  query: boolean;
}

export function splitStatements(all: string): Statement[] {
  const out: Statement[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number): void => {
    const raw = all.slice(start, end);
    const lead = leadingNoise(raw);
    const text = raw.slice(lead).trim();
    if (text.length > 0 && text !== ';') out.push({ text: text.endsWith(';') ? text : `${text};`, start: start + lead, query: /^select\b/i.test(text) });
  };
  while (i < all.length) {
    const c = all[i];
    if (c === "'" || c === '"' || c === '`') {
      const close = all.indexOf(c, i + 1);
      i = close < 0 ? all.length : close + 1;
    } else if (c === '-' && all[i + 1] === '-') {
      const nl = all.indexOf('\n', i);
      i = nl < 0 ? all.length : nl + 1;
    } else if (c === '/' && all[i + 1] === '*') {
      const close = all.indexOf('*/', i + 2);
      i = close < 0 ? all.length : close + 2;
    } else if (c === ';') {
      push(i + 1);
      start = i + 1;
      i++;
    } else {
      i++;
    }
  }
  push(all.length);
  return out;
}

/** Length of the whitespace and comments before a statement's first word. */
function leadingNoise(s: string): number {
  let i = 0;
  for (;;) {
    while (i < s.length && /\s/.test(s[i])) i++;
    if (s.startsWith('--', i)) {
      const nl = s.indexOf('\n', i);
      if (nl < 0) return s.length;
      i = nl + 1;
    } else if (s.startsWith('/*', i)) {
      const close = s.indexOf('*/', i + 2);
      if (close < 0) return s.length;
      i = close + 2;
    } else {
      return i;
    }
  }
}

/** The offset in the whole text of "line L, column C" (1-based) of the statement starting at `start`. */
export function offsetOf(all: string, start: number, line: number, column: number): number {
  let p = start;
  for (let l = 1; l < line; l++) {
    const nl = all.indexOf('\n', p);
    if (nl < 0) return all.length;
    p = nl + 1;
  }
  return Math.min(all.length, p + Math.max(0, column - 1));
}

/** "line 1, column 8: ..." (Eddy) or "line 1:8: ..." (ksqlDB) in an error message. */
export function positionIn(message: string): { line: number; column: number } | undefined {
  const m = /line (\d+)(?:, column |:)(\d+)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

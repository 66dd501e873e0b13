// Splitting a script into statements on `;`, ignoring semicolons inside strings, quoted
// identifiers and comments. No parsing: a broken statement still splits cleanly, so the parser
// can report it and carry on with the next one.

export interface StatementText {
  text: string;
  /** 1-based line and column, 0-based offset of the statement's first character in the script. */
  line: number;
  column: number;
  offset: number;
}

/**
 * Each statement's text, without the `;` and without the blanks and comments before it (so the
 * position is that of its first word); trailing blanks are trimmed. Empty statements are dropped.
 */
export function splitStatements(script: string): StatementText[] {
  const out: StatementText[] = [];
  let start = -1; // offset of the current statement's first significant character
  let line = 1, column = 1; // position of script[i]
  let startLine = 1, startColumn = 1;
  let i = 0;

  // Advances i over `n` characters, keeping line and column in step.
  const advance = (n: number) => {
    for (const end = Math.min(i + n, script.length); i < end; i++) {
      const c = script.charCodeAt(i);
      if (c === 10 || (c === 13 && script.charCodeAt(i + 1) !== 10)) { line++; column = 1; } else column++;
    }
  };
  const markStart = () => {
    if (start < 0) { start = i; startLine = line; startColumn = column; }
  };
  const endStatement = (end: number) => {
    if (start >= 0) {
      const text = script.slice(start, end).replace(/\s+$/, '');
      if (text.length > 0) out.push({ text, line: startLine, column: startColumn, offset: start });
    }
    start = -1;
  };
  /** Length of a quoted run starting at i (quote doubled inside), or to the end if unterminated. */
  const quotedLength = (q: string) => {
    let j = i + 1;
    for (;;) {
      const k = script.indexOf(q, j);
      if (k < 0) return script.length - i;
      if (script[k + 1] === q) { j = k + 2; continue; }
      return k + 1 - i;
    }
  };

  while (i < script.length) {
    const c = script[i];
    if (c === '-' && script[i + 1] === '-') {
      const nl = script.slice(i).search(/[\r\n]/);
      advance(nl < 0 ? script.length - i : nl);
    } else if (c === '/' && script[i + 1] === '*') {
      const close = script.indexOf('*/', i + 2);
      advance(close < 0 ? script.length - i : close + 2 - i);
    } else if (c === "'" || c === '"' || c === '`') {
      markStart();
      advance(quotedLength(c));
    } else if (c === ';') {
      endStatement(i);
      advance(1);
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      advance(1);
    } else {
      markStart();
      advance(1);
    }
  }
  endStatement(script.length);
  return out;
}

// The console's statement splitting and error positions (console/src/statements.ts).
import { describe, expect, it } from 'vitest';
import { offsetOf, positionIn, splitStatements } from '../../console/src/statements.js';

describe('console statements', () => {
  it('splits at semicolons outside quotes and comments, keeping where each starts', () => {
    const text = `-- a comment; not a statement end
CREATE STREAM s (v STRING) WITH (KAFKA_TOPIC='a;b', VALUE_FORMAT='JSON');
/* block; */ INSERT INTO s (v) VALUES ('x;y');
  select * from s emit changes`;
    const got = splitStatements(text);
    expect(got.map((s) => [s.text, s.query])).toEqual([
      ["CREATE STREAM s (v STRING) WITH (KAFKA_TOPIC='a;b', VALUE_FORMAT='JSON');", false],
      ["INSERT INTO s (v) VALUES ('x;y');", false],
      ['select * from s emit changes;', true],
    ]);
    for (const s of got) expect(text.slice(s.start, s.start + 10)).toBe(s.text.slice(0, 10));
    expect(splitStatements(' ;\n -- only a comment\n')).toEqual([]);
  });

  it('maps a statement-relative line and column to the whole text', () => {
    const text = 'SELECT 1;\nSELECT a,\n  b FROM t;';
    const [, second] = splitStatements(text);
    const at = offsetOf(text, second.start, 2, 3);
    expect(text.slice(at, at + 6)).toBe('b FROM');
    expect(positionIn("line 2, column 3: Column 'B' cannot be resolved")).toEqual({ line: 2, column: 3 });
    expect(positionIn('line 1:8: mismatched input')).toEqual({ line: 1, column: 8 });
    expect(positionIn('no position here')).toBeUndefined();
  });
});

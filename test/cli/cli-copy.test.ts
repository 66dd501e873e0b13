// COPY as a CLI user meets it: the format comes from the file's extension, a file where no line
// loads fails the script (exit 1), and a large file reports its progress.
import { describe, it, expect } from 'vitest';
import { eddy, file } from './cli-helpers.js';
import { Engine } from '../../src/engine/engine.js';
import { onCopyProgress, type CopyProgress } from '../../src/engine/execute-copy.js';
import { copyProgressLine } from '../../server/cli/copy-progress.js';

const CREATE = `SET 'auto.offset.reset' = 'earliest';
CREATE STREAM s (id INT KEY, name STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);`;

describe('COPY from the CLI', () => {
  it('with no FORMAT, reads a .ndjson file as JSON lines and a .csv file as CSV', async () => {
    file('people.ndjson', '{"ID":1,"NAME":"ann"}\n');
    file('people.csv', '2,bob\n');
    const r = await eddy('run', file('copy-ext.sql', `${CREATE}
COPY s FROM 'people.ndjson';
COPY s FROM 'people.csv';
SELECT id, name FROM s EMIT CHANGES LIMIT 2;`), '--output', 'jsonl');
    expect(r.stderr.join('\n')).not.toContain('error');
    expect(r.stdout).toEqual(['{"ID":1,"NAME":"ann"}', '{"ID":2,"NAME":"bob"}']);
  });

  it('with no FORMAT and an extension that names none, is an error saying how to fix it', async () => {
    file('people.txt', '1,ann\n');
    const r = await eddy('run', file('copy-txt.sql', `${CREATE}\nCOPY s FROM 'people.txt';`));
    expect(r.code).toBe(1);
    expect(r.stderr.join('\n')).toContain("Cannot tell the format of 'people.txt' from its extension: name it .csv, .json or .jsonl, or add WITH (FORMAT='CSV')");
  });

  it('exits 1 when no line of the file could be loaded, naming the first bad line', async () => {
    file('all-bad.csv', 'one,ann\ntwo,bob\n');
    const r = await eddy('run', file('copy-bad.sql', `${CREATE}\nCOPY s FROM 'all-bad.csv';\nSHOW STREAMS;`));
    expect(r.code).toBe(1);
    const err = r.stderr.join('\n');
    expect(err).toContain("No line of 'all-bad.csv' could be loaded as CSV: 2 bad lines sent to the processing log; the first: ");
    expect(err).toContain('all-bad.csv:1:');
  });

  it('still loads the good lines, exit 0, when only some lines are bad', async () => {
    file('some-bad.csv', 'one,ann\n2,bob\n');
    const r = await eddy('run', file('copy-some.sql', `${CREATE}\nCOPY s FROM 'some-bad.csv';`));
    expect(r.code).toBe(0);
    expect(r.stdout.join('\n')).toContain('Copied 1 records into S (1 bad line sent to the processing log).');
  });

  it('tells a progress listener the rows of a large file as they load, and once when done', async () => {
    const engine = await Engine.create({ baseDir: file('big.csv', Array.from({ length: 25_000 }, (_, i) => `${i},n${i}`).join('\n')).replace(/big\.csv$/, '') });
    try {
      const seen: CopyProgress[] = [];
      onCopyProgress(engine.state, (p) => seen.push(p));
      await engine.executeScript(`${CREATE}\nCOPY s FROM 'big.csv';`);
      expect(seen.filter((p) => !p.done).map((p) => p.rows)).toEqual([10_000, 20_000]);
      expect(seen.at(-1)).toMatchObject({ rows: 25_000, bad: 0, done: true });
    } finally {
      await engine.close();
    }
  });

  it('shows progress as rows and rows per second', () => {
    expect(copyProgressLine({ rows: 20_000, bad: 0, elapsedMs: 2_000, done: false })).toBe('COPY: 20000 rows (10000 rows/s)');
    expect(copyProgressLine({ rows: 5, bad: 2, elapsedMs: 1_000, done: false })).toBe('COPY: 5 rows (5 rows/s), 2 bad');
  });
});

// The real `eddy` binary (bin/eddy.js over the compiled dist/): exit codes and output of
// `eddy run` as a user sees them in a terminal or a CI job. Needs the build (`npm install`, or
// `npx tsc -p .`).
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnEddy, file, isBuilt, ROOT } from './cli-helpers.js';

beforeAll(() => {
  if (!isBuilt()) throw new Error('dist/ is missing: build Eddy first (npm install, or npx tsc -p .)');
});

describe('bin/eddy.js', () => {
  it('run prints tables and exits 0', async () => {
    const path = file('bin-ok.sql', `SET 'auto.offset.reset' = 'earliest';
CREATE STREAM s (id INT KEY, city STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
INSERT INTO s (id, city) VALUES (1, 'Oslo');
INSERT INTO s (id, city) VALUES (2, 'Lima');
CREATE TABLE per_city AS SELECT city, COUNT(*) AS n FROM s GROUP BY city EMIT CHANGES;
SELECT * FROM per_city WHERE city = 'Oslo';
`);
    const r = await spawnEddy(['run', path]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      "Successfully changed local property 'auto.offset.reset' to 'earliest'.",
      'Stream created',
      'Created query with ID CTAS_PER_CITY_0',
      '+------+---+',
      '| CITY | N |',
      '+------+---+',
      '| Oslo | 1 |',
      '+------+---+',
      '',
    ].join('\n'));
  });

  it('run --output jsonl writes rows to stdout and messages to stderr', async () => {
    const path = file('bin-jsonl.sql', `CREATE STREAM s (id INT KEY, v DOUBLE) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
INSERT INTO s (id, v) VALUES (1, 2.5);
SELECT * FROM s EMIT CHANGES LIMIT 1;
`);
    const r = await spawnEddy(['run', path, '--output', 'jsonl', '--set', 'auto.offset.reset=earliest']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{"ID":1,"V":2.5}\n');
    expect(r.stderr).toBe('Stream created\nLimit reached: 1 row.\n');
  });

  it('a failing script exits 1 with the error on stderr', async () => {
    const path = file('bin-fail.sql', `CREATE STREAM s (id INT KEY) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
DROP TABLE s;
`);
    const r = await spawnEddy(['run', path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('Stream created\n');
    expect(r.stderr).toContain(`${path}:2:1: error: Incompatible data source type is STREAM, but statement was DROP TABLE`);
  });

  it('a missing script exits 1', async () => {
    const r = await spawnEddy(['run', 'no-such-script.sql']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot read no-such-script.sql');
  });

  it('an unknown command exits 2', async () => {
    const r = await spawnEddy(['nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'nope'");
  });

  it('--help exits 0 and --version prints the package version', async () => {
    expect((await spawnEddy(['--help'])).code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await spawnEddy(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('runs the example script the README points to', async () => {
    const r = await spawnEddy(['run', 'examples/sensor-averages/sensor-averages.sql', '--output', 'jsonl']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('{"SENSOR":"pump-3","TEMP":70.1,"VIBRATION":0.35}');
  });
});

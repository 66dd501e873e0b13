// `eddy --help`, `eddy COMMAND --help`, `eddy help COMMAND`, `--version`, and what happens with
// no command or an unknown one (usage on the right stream, exit code 2).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eddy, ROOT } from './cli-helpers.js';

describe('eddy help', () => {
  it('--help lists the commands and exits 0', async () => {
    const r = await eddy('--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toEqual([]);
    const text = r.stdout.join('\n');
    expect(text).toContain('Usage: eddy <command>');
    expect(text).toMatch(/^\s+shell\b/m);
    expect(text).toMatch(/^\s+run FILE\.sql\b/m);
  });

  it('-h is the same as --help', async () => {
    expect((await eddy('-h')).stdout).toEqual((await eddy('--help')).stdout);
  });

  it('run --help describes the run options and exits 0', async () => {
    const r = await eddy('run', '--help');
    expect(r.code).toBe(0);
    const text = r.stdout.join('\n');
    expect(text).toContain('Usage: eddy run FILE.sql');
    expect(text).toContain('--output table|jsonl');
    expect(text).toContain('--set NAME=VALUE');
  });

  it('help run prints the same text as run --help', async () => {
    expect((await eddy('help', 'run')).stdout).toEqual((await eddy('run', '--help')).stdout);
  });

  it('shell --help describes the shell', async () => {
    const r = await eddy('shell', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout.join('\n')).toContain('Usage: eddy shell');
  });

  // BUG: main.ts reads new URL('../../../package.json', import.meta.url), which is right for
  // dist/server/cli/main.js but not for server/cli/main.ts, so in-process (from source) it throws
  // ENOENT for /work/package.json. (The built binary prints the version: see cli-binary.test.ts.)
  it('--version prints the package version (in-process, from source)', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await eddy('--version');
    expect(r).toEqual({ code: 0, stdout: [pkg.version], stderr: [] });
  });

  it('no command prints the usage and exits 2', async () => {
    const r = await eddy();
    expect(r.code).toBe(2);
    expect(r.stdout.join('\n')).toContain('Usage: eddy <command>');
  });

  it('an unknown command is reported on stderr with the usage, exit 2', async () => {
    const r = await eddy('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stdout).toEqual([]);
    const err = r.stderr.join('\n');
    expect(err).toContain("unknown command 'frobnicate'");
    expect(err).toContain('Usage: eddy <command>');
  });
});

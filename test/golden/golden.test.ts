// Golden SQL tests: every .sql script under test/golden/ and examples/ runs through `eddy run
// --output jsonl` and its stdout, stderr and exit code must equal the .out file beside it.
// `npm run golden -- --update` rewrites the .out files for review. A script that needs more than
// Eddy (an MQTT broker and a publisher) says `-- golden: <its test>` and runs there instead.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { main } from '../../server/cli/main.js';

const root = join(__dirname, '..', '..');
const update = process.env.EDDY_UPDATE_GOLDEN === '1';

function scripts(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...scripts(p));
    else if (name.endsWith('.sql') && !/^-- golden: /m.test(readFileSync(p, 'utf8'))) out.push(p);
  }
  return out.sort();
}

/** Values that depend on the clock (DESCRIBE MODEL's learning rate and checkpoint time). */
const VOLATILE = /("Property":"(?:Learning rate \(rows\/s\)|Last checkpoint)","Value":)"[^"]*"/g;

async function runScript(path: string): Promise<string> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(['run', path, '--output', 'jsonl'], { stdout: (s) => stdout.push(s), stderr: (s) => stderr.push(s) });
  return [...stdout, '-- stderr --', ...stderr, `-- exit ${code} --`, ''].join('\n');
}

describe('golden SQL scripts', () => {
  for (const path of [...scripts(join(root, 'test', 'golden')), ...scripts(join(root, 'examples'))]) {
    it(relative(root, path), async () => {
      const actual = (await runScript(path)).split(root).join('<root>').replace(VOLATILE, '$1"<varies>"');
      const expectedPath = path.replace(/\.sql$/, '.out');
      if (update) writeFileSync(expectedPath, actual);
      if (!existsSync(expectedPath)) throw new Error(`${expectedPath} is missing: run \`npm run golden -- --update\` and review it`);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    }, 30000);
  }
});

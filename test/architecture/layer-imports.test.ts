// Dependencies point down only (ARCHITECTURE.md): a module may import its own layer and the
// layers below it, never one above. This reads every import of the shipped code and fails on
// each one that points up, naming the file, line and target, as DataFusion's CI checks its crates.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

/** Top to bottom. */
export const LAYERS = [
  'server/cli', 'server/pgwire', 'server/rest', 'server/auth', 'server/client',
  'src/engine', 'src/runtime', 'src/plan', 'udfs', 'src/format', 'src/log', 'src/ml',
  'grammar', 'src/values', 'src/types',
];

function layerOf(path: string): string | undefined {
  const rel = relative(ROOT, path);
  return LAYERS.filter((l) => rel === l || rel.startsWith(`${l}/`)).sort((a, b) => b.length - a.length)[0];
}

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every relative import in `files` that points to a layer above its file's. */
function upwardImports(files: { path: string; text: string }[]): string[] {
  const bad: string[] = [];
  for (const { path: file, text } of files) {
    const from = layerOf(file);
    if (!from) { bad.push(`${relative(ROOT, file)}: in no layer (add its directory to LAYERS)`); continue; }
    text.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g)) {
        const target = resolve(dirname(file), m[1]);
        const to = layerOf(target);
        if (to && LAYERS.indexOf(to) < LAYERS.indexOf(from)) {
          bad.push(`${relative(ROOT, file)}:${i + 1} (${from}) imports ${relative(ROOT, target)} (${to}, a layer above)`);
        }
      }
    });
  }
  return bad;
}

const shipped = (): { path: string; text: string }[] =>
  ['src', 'server', 'udfs', 'grammar'].flatMap((top) => tsFiles(join(ROOT, top))).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('layers', () => {
  it('no module imports a layer above its own', () => {
    expect(upwardImports(shipped())).toEqual([]);
  });

  it('reports an upward import with its file, line and layers', () => {
    const path = join(ROOT, 'src/plan/example.ts');
    const text = "import type { Step } from './physical-plan.js';\nimport { QueryRunner } from '../runtime/query-runner.js';\n";
    expect(upwardImports([{ path, text }])).toEqual([
      'src/plan/example.ts:2 (src/plan) imports src/runtime/query-runner.js (src/runtime, a layer above)',
    ]);
  });
});

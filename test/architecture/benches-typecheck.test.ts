// The benchmarks (npm run bench:*) are compiled only when run, so a change to the engine's types
// could break one unnoticed (bench:sql stopped compiling when ONNX models joined the model map).
// This type-checks every benchmark at once (bench/tsconfig.json).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

describe('benchmarks', () => {
  it('type-check', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'bench/tsconfig.json')], { encoding: 'utf8', timeout: 180_000 });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 200_000);
});

// Optional comparison with River (Python): runs river-baseline.py when `python3 -c 'import river'`
// works, on the same Shuttle file and the same SEA streams; returns undefined otherwise.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './datasets.js';
import type { LabelledRows } from './datasets.js';

export interface RiverResults {
  hst_auc: number[];
  sea_logistic: number[];
  sea_gaussian_nb: number[];
  logistic_rows_per_sec: number;
}

export function riverAvailable(): boolean {
  const r = spawnSync('python3', ['-c', 'import river'], { stdio: 'ignore' });
  return r.status === 0;
}

export function runRiver(shuttleCsv: string, seaStreams: LabelledRows[], hstSeeds: number): RiverResults | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'eddy-river-'));
  try {
    seaStreams.forEach((s, i) => {
      const lines = ['f1,f2,f3,y', ...s.x.map((x, r) => `${x[0]},${x[1]},${x[2]},${s.y[r]}`)];
      writeFileSync(join(dir, `sea-${i + 1}.csv`), lines.join('\n'));
    });
    const script = join(repoRoot(), 'bench', 'ml', 'river-baseline.py');
    const r = spawnSync('python3', [script, shuttleCsv, dir, String(seaStreams.length), String(hstSeeds)], { encoding: 'utf8', timeout: 900_000 });
    if (r.status !== 0) {
      console.warn(`River comparison failed: ${(r.stderr || '').trim().split('\n').pop()}`);
      return undefined;
    }
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as RiverResults;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Benchmark data: the Shuttle outlier set from shared/datasets (see its README for provenance
// and reference scores), found beside the repository (../shared/datasets) or via EDDY_DATASETS.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LabelledRows {
  x: Float64Array[];
  y: Float64Array;
  features: number;
}

/** The repository root: the nearest ancestor of this file holding package.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bench: cannot find the repository root');
    dir = up;
  }
  return dir;
}

export function datasetsDir(): string {
  return process.env.EDDY_DATASETS ?? resolve(repoRoot(), '..', 'shared', 'datasets');
}

/** shuttle-odds.csv: V1..V9 and `outlier` (1 for 7.15% of 49,097 rows). Undefined if absent. */
export function loadShuttle(): LabelledRows | undefined {
  const file = join(datasetsDir(), 'shuttle-odds.csv');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const label = header.indexOf('outlier');
  const features = header.length - 1;
  const x: Float64Array[] = [];
  const y = new Float64Array(lines.length - 1);
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r].split(',');
    const row = new Float64Array(features);
    let j = 0;
    for (let c = 0; c < cells.length; c++) if (c !== label) row[j++] = Number(cells[c]);
    x.push(row);
    y[r - 1] = Number(cells[label]);
  }
  return { x, y, features };
}

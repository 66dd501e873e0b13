// The P3 input: a JSON-lines file of sensor readings in .cache/bench-sql/, written once per row
// count and reused. Temperatures are spread so that a known share passes the benchmark's filter.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../../src/ml/rng.js';

/** The filter the pipeline applies; `passing` counts the rows it keeps. */
export const HOT = 30;

export function sensorFile(root: string, rows: number): { path: string; passing: number } {
  const dir = join(root, '.cache', 'bench-sql');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `readings-${rows}.jsonl`);
  const write = !existsSync(path);
  const rng = new Rng(7);
  const lines: string[] = [];
  let passing = 0;
  for (let i = 0; i < rows; i++) {
    const temp = Math.round(rng.uniform(-10, 50) * 100) / 100;
    const humidity = Math.round(rng.uniform(0, 100) * 10) / 10;
    if (temp > HOT) passing++;
    if (write) lines.push(`{"SENSOR_ID":"s-${i % 1000}","TEMP":${temp},"HUMIDITY":${humidity},"SITE":"site-${i % 17}","READ_AT":${1_700_000_000_000 + i}}`);
  }
  if (write) writeFileSync(path, lines.join('\n') + '\n');
  return { path, passing };
}

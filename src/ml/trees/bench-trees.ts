// Throughput and SEA-concepts accuracy of the tree and k-NN models. Not a test (timings vary by
// machine): `npx tsc -p . && node dist/src/ml/trees/bench-trees.js [rows]`.
import type { ModelFactory, OnlineModel } from '../online-model.js';
import { Rng } from '../rng.js';
import { treeModels } from './index.js';

interface Row {
  x: Float64Array;
  y: number;
}

/** 10 uniform features; the label is a small fixed tree over four of them, 5% noise. */
export function treeConcept(n: number, seed: number): Row[] {
  const rng = new Rng(seed);
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const x = new Float64Array(10);
    for (let j = 0; j < 10; j++) x[j] = rng.next();
    let y = x[0] < 0.5 ? (x[1] < 0.3 ? 0 : 1) : x[2] + x[3] < 1 ? 1 : 0;
    if (rng.next() < 0.05) y = 1 - y;
    rows.push({ x, y });
  }
  return rows;
}

/**
 * SEA concepts (Street & Kim 2001): 3 features in [0, 10], label 1 when f1 + f2 <= theta (f3 is
 * noise), theta switching 8 -> 9 -> 7 -> 9.5 every quarter of the stream, 10% label noise.
 */
export function seaStream(n: number, seed: number): Row[] {
  const rng = new Rng(seed);
  const thetas = [8, 9, 7, 9.5];
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const theta = thetas[Math.min(3, Math.floor((i * 4) / n))];
    const x = new Float64Array(3);
    for (let j = 0; j < 3; j++) x[j] = rng.uniform(0, 10);
    let y = x[0] + x[1] <= theta ? 1 : 0;
    if (rng.next() < 0.1) y = 1 - y;
    rows.push({ x, y });
  }
  return rows;
}

function create(f: ModelFactory, features: number): OnlineModel {
  return f.create({ features, classes: 2, params: {}, seed: 42 });
}

/** Rows per second of CPU time (user + system), steadier than wall time on a busy machine. */
function rate(rows: number, run: () => void): number {
  const c = process.cpuUsage();
  run();
  const d = process.cpuUsage(c);
  return rows / ((d.user + d.system) / 1e6);
}

function throughput(f: ModelFactory, rows: Row[]): { learn: number; prequential: number } {
  const learn = rate(rows.length, () => {
    const m = create(f, 10);
    for (const r of rows) m.learn(r.x, r.y);
  });
  const prequential = rate(rows.length, () => {
    const m = create(f, 10);
    for (const r of rows) {
      m.predict(r.x);
      m.learn(r.x, r.y);
    }
  });
  return { learn, prequential };
}

/** Test-then-train accuracy, overall and per 25% segment. */
export function prequential(m: OnlineModel, rows: Row[]): { acc: number; segments: number[] } {
  let ok = 0;
  const seg = [0, 0, 0, 0];
  rows.forEach((r, i) => {
    if (m.predict(r.x) === r.y) {
      ok++;
      seg[Math.min(3, Math.floor((i * 4) / rows.length))]++;
    }
    m.learn(r.x, r.y);
  });
  return { acc: ok / rows.length, segments: seg.map((s) => s / (rows.length / 4)) };
}

function main(): void {
  const n = Number(process.argv[2] ?? 100_000);
  const classifiers = treeModels.filter((f) => f.task === 'classification');
  const data = treeConcept(n, 1);
  console.log(`throughput, ${n} rows x 10 numeric features (rows per CPU second; k-NN on 20k rows):`);
  for (const f of classifiers) {
    const rows = f.type === 'knn' ? data.slice(0, Math.min(n, 20_000)) : data;
    throughput(f, rows); // warm-up
    const r = throughput(f, rows);
    console.log(`  ${f.type.padEnd(26)} learn ${Math.round(r.learn).toLocaleString().padStart(10)}   predict+learn ${Math.round(r.prequential).toLocaleString().padStart(10)}`);
  }
  const reg = treeModels.filter((f) => f.task === 'regression');
  const regRows = data.map((r) => ({ x: r.x, y: 3 * r.x[0] + (r.x[1] > 0.5 ? 2 : 0) + r.y }));
  for (const f of reg) {
    const rows = f.type === 'knn_regressor' ? regRows.slice(0, Math.min(n, 20_000)) : regRows;
    throughput(f, rows);
    const r = throughput(f, rows);
    console.log(`  ${f.type.padEnd(26)} learn ${Math.round(r.learn).toLocaleString().padStart(10)}   predict+learn ${Math.round(r.prequential).toLocaleString().padStart(10)}`);
  }

  const sea = seaStream(100_000, 7);
  console.log('\nSEA concepts, 100k rows, theta 8 -> 9 -> 7 -> 9.5, 10% noise (prequential accuracy):');
  for (const f of classifiers) {
    const r = prequential(create(f, 3), sea);
    console.log(`  ${f.type.padEnd(26)} ${r.acc.toFixed(4)}   per quarter ${r.segments.map((s) => s.toFixed(3)).join(' ')}`);
  }
}

if (process.argv[1]?.endsWith('bench-trees.js')) main();

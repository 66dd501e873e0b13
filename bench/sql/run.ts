// The embedded SQL benchmark (npm run bench:sql), issue 12's P3 and P4, on MemoryLog:
//   P3  COPY of N readings → CSAS filter + projection → push-query export of every output row,
//       for each N (default 1M and 2M): rows per CPU-second, wall rows/s, and the 2M/1M time ratio.
//   P4  CREATE MODEL ... TRAIN ONLINE + a CSAS scoring with PREDICT + export of every prediction,
//       for each model type: rows per CPU-second and the SQL overhead per row over the model's own
//       predict+learn cost on the same rows, measured in the same process (model-own-cost.ts).
//       Each model's runs follow one full run that is not counted (JIT and heap warm-up).
//       Beside it, the same work in one hand-written loop over the same components (p4-floor.ts):
//       SQL minus that is what the queries themselves cost.
// Figures are medians of --runs (default 3). Flags: --rows 1000000,2000000 --model-rows 200000
// --models logistic_regression,zscore --only p3|p4 --out FILE --profile DIR (CPU profiles of the
// last run's stages; the figures of a profiled run are slower). Writes bench/sql/results.json.
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listModels } from '../../src/ml/registry.js';
import { repoRoot } from '../ml/datasets.js';
import { fmt, table } from '../ml/report.js';
import { FEATURES, measureThroughput } from '../ml/throughput.js';
import { copyFilterExport, type PipelineRun } from './copy-filter-export.js';
import { median, type Lap } from './cpu-clock.js';
import { modelInput, scoreWhileTraining } from './score-while-training.js';
import { modelOwnCost } from './model-own-cost.js';
import { p4Floor } from './p4-floor.js';
import { sensorFile } from './sensor-file.js';
import { probeMs, summarize } from './machine-probe.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(flag('--runs') ?? 3);
const sizes = (flag('--rows') ?? '1000000,2000000').split(',').map(Number);
const modelRows = Number(flag('--model-rows') ?? 200_000);
const onlyModels = flag('--models')?.split(',');
const only = flag('--only');
const profileDir = flag('--profile');
const outFile = flag('--out') ?? join(repoRoot(), 'bench', 'sql', 'results.json');
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const perCpuSecond = (rows: number, lap: Lap): number => rows / (lap.cpuMs / 1000);

console.log(`Eddy embedded SQL benchmark: node ${process.version}, ${cpus().length} CPUs, load ${load()}, ${runs} runs`);
const loadAtStart = loadavg();

// P3.
const p3: { rows: number; passing: number; runs: PipelineRun[]; median: Record<string, { cpuMs: number; wallMs: number }> }[] = [];
if (only !== 'p4') {
  const files = sizes.map((n) => ({ n, ...sensorFile(repoRoot(), n) }));
  const byN = new Map<number, PipelineRun[]>(sizes.map((n) => [n, []]));
  const warm = sensorFile(repoRoot(), 50_000);
  await copyFilterExport(warm.path, 50_000, warm.passing); // JIT warm-up, not reported
  for (let r = 0; r < runs; r++) {
    for (const f of files) {
      // Only the last run is profiled (the earlier ones are the JIT's warm-up for it).
      const run = await copyFilterExport(f.path, f.n, f.passing, r === runs - 1 && f === files[0] ? profileDir : undefined);
      byN.get(f.n)!.push(run);
      console.log(`  P3 run ${r + 1}, ${int(f.n)} rows: total ${int(run.total.cpuMs)} ms CPU, ${int(run.total.wallMs)} ms wall (load ${load()})`);
    }
  }
  for (const f of files) {
    const rs = byN.get(f.n)!;
    const stage = (k: 'copy' | 'csas' | 'export' | 'total') => ({ cpuMs: median(rs.map((x) => x[k].cpuMs)), wallMs: median(rs.map((x) => x[k].wallMs)) });
    p3.push({ rows: f.n, passing: f.passing, runs: rs, median: { copy: stage('copy'), csas: stage('csas'), export: stage('export'), total: stage('total') } });
  }
  console.log(table('P3: COPY → CSAS (WHERE temp > 30, projection) → push-query export; medians; rows/CPU-s counts input rows',
    ['rows', 'stage', 'CPU ms', 'wall ms', 'rows/CPU-s', 'rows/s wall'],
    p3.flatMap((p) => (['copy', 'csas', 'export', 'total'] as const).map((k) => [
      int(p.rows), k, int(p.median[k].cpuMs), int(p.median[k].wallMs), int(perCpuSecond(p.rows, p.median[k])), int(p.rows / (p.median[k].wallMs / 1000))]))));
  if (p3.length >= 2) {
    const [a, b] = [p3[0], p3[p3.length - 1]];
    const ratio = b.median.total.cpuMs / a.median.total.cpuMs;
    console.log(`  ${int(b.rows)}/${int(a.rows)} CPU-time ratio: ${fmt(ratio, 2)} (linear: ${fmt(b.rows / a.rows, 1)} ± 15%)`);
  }
}

// P4.
const p4: { model: string; task: string; rows: number; sqlRowsPerCpuSecond: number; sqlUsPerRow: number; modelUsPerRow: number; overheadUsPerRow: number;
  overheadRange: [number, number]; fusedLoopUsPerRow: number; runs: Lap[] }[] = [];
/** The machine probe, timed before each P4 SQL run (machine-probe.ts). */
const probes: number[] = [];
if (only !== 'p3') {
  for (const f of listModels().filter((m) => !onlyModels || onlyModels.includes(m.type))) {
    // Slow models get fewer rows, at least 50k: a run's statements cost ~4.5 ms of CPU whatever
    // its rows (0.23 µs a row at 20k, a tenth of P4's budget; 0.09 at 50k).
    const speed = measureThroughput(() => f.create({ features: FEATURES, classes: f.task === 'classification' ? 2 : undefined, params: {}, seed: 1 }),
      f.task === 'regression' ? 'regression' : 'classification', 1);
    const rows = f.type === 'logistic_regression' ? modelRows : Math.max(50_000, Math.min(modelRows, Math.round(speed.rowsPerSec * 0.3)));
    const { records: input, x, y } = modelInput(f.task, rows);
    // One full run of each first, not counted (as bench:kafka's warm-up rounds): the first runs of
    // a fresh process are 20–40% slower while the JIT and the heap settle; the figures are steady
    // state. The SQL run and the model alone take turns, run by run, so a machine whose speed
    // drifts over minutes slows both alike; the overhead is the median of each turn's SQL minus
    // model. The no-query loop runs after all SQL runs: run between them, it slowed the next SQL
    // run by half (it drives the same components with other shapes, and the JIT's code for them
    // with it).
    const warm = await scoreWhileTraining(f, input);
    console.log(`  P4 ${f.type}: warm-up run ${fmt((warm.cpuMs * 1000) / rows, 2)} µs/row (not counted)`);
    modelOwnCost(f, x, y, 1);
    const laps: Lap[] = [];
    const models: number[] = [];
    for (let r = 0; r < runs; r++) {
      probes.push(probeMs());
      laps.push(await scoreWhileTraining(f, input, r === runs - 1 ? profileDir : undefined));
      models.push(modelOwnCost(f, x, y, 1));
    }
    await p4Floor(f, input);
    const floors: number[] = [];
    for (let r = 0; r < runs; r++) floors.push(((await p4Floor(f, input)).cpuMs * 1000) / rows);
    const cpuMs = median(laps.map((l) => l.cpuMs));
    const sqlUsPerRow = (cpuMs * 1000) / rows;
    const fusedLoopUsPerRow = median(floors);
    const modelUsPerRow = median(models);
    const overheads = laps.map((l, r) => (l.cpuMs * 1000) / rows - models[r]);
    const overheadUsPerRow = median(overheads);
    p4.push({ model: f.type, task: f.task, rows, sqlRowsPerCpuSecond: rows / (cpuMs / 1000), sqlUsPerRow, modelUsPerRow, overheadUsPerRow,
      overheadRange: [Math.min(...overheads), Math.max(...overheads)], fusedLoopUsPerRow, runs: laps });
    console.log(`  P4 ${f.type}: ${int(rows)} rows, ${fmt(sqlUsPerRow, 2)} µs/row through SQL, ${fmt(fusedLoopUsPerRow, 2)} in one loop without queries, ${fmt(modelUsPerRow, 2)} the model alone (load ${load()})`);
  }
  console.log(table(`P4: CREATE MODEL ... TRAIN ONLINE + CSAS with PREDICT (test-then-train) + export; ${FEATURES} DOUBLE features; medians`,
    ['model', 'task', 'rows', 'rows/CPU-s', 'SQL µs/row', 'model µs/row', 'overhead µs/row', 'overhead min–max', 'no-query loop µs/row', 'queries µs/row'],
    p4.map((m) => [m.model, m.task, int(m.rows), int(m.sqlRowsPerCpuSecond), fmt(m.sqlUsPerRow, 2), fmt(m.modelUsPerRow, 2), fmt(m.overheadUsPerRow, 2),
      `${fmt(m.overheadRange[0], 2)}–${fmt(m.overheadRange[1], 2)}`, fmt(m.fusedLoopUsPerRow, 2), fmt(m.sqlUsPerRow - m.fusedLoopUsPerRow, 2)])));
  console.log('  overhead: the median over runs of SQL minus the model alone, measured in turns; no-query loop: the same work in one');
  console.log('  hand-written loop over the same components (p4-floor.ts); queries: SQL minus that.');
  if (probes.length > 0) {
    const pr = summarize(probes);
    console.log(`  machine steadiness: a fixed loop timed before each SQL run took ${fmt(pr.minMs, 1)}–${fmt(pr.maxMs, 1)} ms CPU (median ${fmt(pr.medianMs, 1)}, spread ${fmt(pr.spread * 100, 0)}%):`);
    console.log('  per-model figures that differ by less than that spread are within the machine\'s noise.');
  }
}

const targets: { what: string; value: number; target: string; met: boolean }[] = [];
const p3Main = p3.find((p) => p.rows === 1_000_000) ?? p3[0];
if (p3Main) {
  const v = perCpuSecond(p3Main.rows, p3Main.median.total);
  targets.push({ what: `P3 rows per CPU-second (${int(p3Main.rows)} rows)`, value: v, target: '>= 500,000', met: v >= 500_000 });
}
if (p3.length >= 2) {
  const [a, b] = [p3[0], p3[p3.length - 1]];
  const ratio = (b.median.total.cpuMs / a.median.total.cpuMs) / (b.rows / a.rows);
  targets.push({ what: `P3 time ratio ${int(b.rows)}/${int(a.rows)} ÷ rows ratio`, value: ratio, target: '1.0 ± 0.15', met: Math.abs(ratio - 1) <= 0.15 });
}
const lr = p4.find((m) => m.model === 'logistic_regression');
if (lr) targets.push({ what: 'P4 logistic_regression rows per CPU-second', value: lr.sqlRowsPerCpuSecond, target: '>= 300,000', met: lr.sqlRowsPerCpuSecond >= 300_000 });
for (const m of p4) targets.push({ what: `P4 ${m.model} SQL overhead µs/row`, value: m.overheadUsPerRow, target: '<= 2', met: m.overheadUsPerRow <= 2 });
console.log(table('Targets', ['what', 'value', 'target', 'met'],
  targets.map((t) => [t.what, t.value > 100 ? int(t.value) : fmt(t.value, 2), t.target, t.met ? 'yes' : 'NO'])));

writeFileSync(outFile, JSON.stringify({
  date: new Date().toISOString(), node: process.version, cpus: cpus().length, load: { start: loadAtStart, end: loadavg() }, runs,
  p3, p4, targets, ...(probes.length > 0 ? { machineProbe: summarize(probes) } : {}),
}, null, 2) + '\n');
console.log(`\nwrote ${outFile}`);

// The Kafka throughput benchmark (npm run bench:kafka): loads N JSON readings into a 4-partition
// topic, then times, R times each (interleaved, so drift in the machine's state hits all alike):
//   (a) a bare kafkajs consume-and-produce passthrough — the ceiling for this client here;
//   (b) an Eddy CSAS with a filter and a projection;
//   (c) an Eddy tumbling-window COUNT/SUM by key.
// Prints records/s and each median's ratio to (a)'s, and writes JSON (bench/kafka/results.json,
// or --out FILE). Flags: --records N (200000), --runs R (3), --phases a,b,c, --timeout SECONDS
// per run (120). Broker: KAFKA_BROKERS, else a private one (see broker.ts).
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../ml/datasets.js';
import { table } from '../ml/report.js';
import { startBroker, type Broker } from './broker.js';
import { eddyQuery } from './eddy-queries.js';
import { benchKafka } from './kafka-client.js';
import { loadReadings, PARTITIONS, THRESHOLD, type Dataset } from './load.js';
import { passthrough } from './passthrough.js';
import { warmUp } from './warm-up.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const records = Number(flag('--records', '200000'));
const runs = Number(flag('--runs', '3'));
const phases = flag('--phases', 'a,b,c').split(',');
const timeoutMs = Number(flag('--timeout', '120')) * 1000;
const outFile = flag('--out', join(repoRoot(), 'bench', 'kafka', 'results.json'));

interface Phase {
  id: string;
  what: string;
  /** The median's minimum ratio to (a)'s. */
  target?: number;
  run: (data: Dataset, tag: string) => Promise<{ seconds: number; outputRecords?: number; processingLogEntries?: number }>;
}
interface Run { seconds?: number; recordsPerSec?: number; outputRecords?: number; processingLogEntries?: number; error?: string }

const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const int = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '-' : Math.round(v).toLocaleString('en-US'));

async function main(broker: Broker): Promise<void> {
  const id = Date.now().toString(36);
  const kafka = benchKafka(broker.brokers, `eddy-bench-${id}`);
  const admin = kafka.admin();
  await admin.connect();
  const loadAtStart = loadavg(); // the machine may be shared: a busy one lowers every number
  try {
    console.log(`Eddy Kafka benchmark: ${records.toLocaleString('en-US')} records, ${runs} runs, node ${process.version}, ` +
      `Kafka ${broker.kafkaVersion} on ${broker.brokers.join(',')}, ${cpus().length} CPUs, load ${loadAtStart.map((l) => l.toFixed(1)).join(' ')}`);
    const data = await loadReadings(kafka, admin, `bench_readings_${id}`, records);
    console.log(`loaded ${data.topic}: ${int(data.avgValueBytes)}-byte values in ${data.loadSeconds.toFixed(1)} s ` +
      `(${int(records / data.loadSeconds)} records/s); ${int(data.expectedHot)} have temp > ${THRESHOLD}`);
    await warmUp(broker.brokers, admin, `bench_warm_up_${id}`);

    const all: Phase[] = [
      { id: 'a', what: 'kafkajs passthrough (consume + produce)', run: async (d, tag) => ({ seconds: await passthrough(kafka, admin, d, tag, timeoutMs) }) },
      { id: 'b', what: 'Eddy CSAS filter + projection', target: 0.8, run: (d, tag) => eddyQuery(broker.brokers, admin, d, 'filter', tag, timeoutMs) },
      { id: 'c', what: 'Eddy CTAS tumbling COUNT/SUM by key', target: 0.5, run: (d, tag) => eddyQuery(broker.brokers, admin, d, 'aggregate', tag, timeoutMs) },
    ];
    const selected = all.filter((p) => phases.includes(p.id));
    const results = new Map<string, Run[]>(selected.map((p) => [p.id, []]));
    for (let r = 1; r <= runs; r++) {
      for (const p of selected) {
        const tag = `${p.id}${r}_${id}`;
        let run: Run;
        try {
          const { seconds, ...rest } = await p.run(data, tag);
          run = { seconds, recordsPerSec: records / seconds, ...rest };
          console.log(`  (${p.id}) run ${r}: ${seconds.toFixed(2)} s, ${int(run.recordsPerSec)} records/s`);
        } catch (e) {
          run = { error: (e as Error).stack ?? String(e) };
          console.log(`  (${p.id}) run ${r} FAILED: ${(e as Error).message}`);
        }
        results.get(p.id)!.push(run);
      }
    }

    const medianOf = (id: string): number | undefined => {
      const ok = (results.get(id) ?? []).flatMap((r) => (r.recordsPerSec === undefined ? [] : [r.recordsPerSec]));
      return ok.length ? median(ok) : undefined;
    };
    const base = medianOf('a');
    const summary = selected.map((p) => {
      const m = medianOf(p.id);
      const ratio = m !== undefined && base !== undefined ? m / base : undefined;
      return { phase: p.id, what: p.what, medianRecordsPerSec: m, ratioToA: ratio, target: p.target, met: p.target === undefined || ratio === undefined ? undefined : ratio >= p.target, runs: results.get(p.id)! };
    });
    console.log(table(`Throughput, ${records.toLocaleString('en-US')} records of ~${int(data.avgValueBytes)} bytes, ${PARTITIONS} partitions (input records/s)`,
      ['', 'query', 'runs', 'median', '× (a)', 'target'],
      summary.map((s) => [s.phase, s.what, s.runs.map((r) => int(r.recordsPerSec)).join(' / '), int(s.medianRecordsPerSec),
        s.ratioToA === undefined ? '-' : s.ratioToA.toFixed(2), s.target === undefined ? '' : `>= ${s.target} ${s.met === undefined ? '' : s.met ? 'met' : 'MISSED'}`])));
    console.log('For reference, ksqlDB sizing guide: ~49k records/s per core for filter/projection, ~12k for aggregation.');

    const kafkajsVersion = (createRequire(import.meta.url)('kafkajs/package.json') as { version: string }).version;
    // Seconds to the millisecond, rates to the record: more digits are noise.
    const rounded = (key: string, v: unknown): unknown => {
      if (typeof v !== 'number') return v;
      if (key === 'seconds' || key === 'ratioToA') return Math.round(v * 1000) / 1000;
      return /recordsPerSec$/i.test(key) ? Math.round(v) : v;
    };
    writeFileSync(outFile, JSON.stringify({
      date: new Date().toISOString(), records, partitions: PARTITIONS, avgValueBytes: Math.round(data.avgValueBytes), runsPerPhase: runs,
      kafkaVersion: broker.kafkaVersion, kafkajsVersion, node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model,
      loadAverage: { start: loadAtStart.map((l) => Math.round(l * 100) / 100), end: loadavg().map((l) => Math.round(l * 100) / 100) },
      loadPhase: { seconds: data.loadSeconds, recordsPerSec: records / data.loadSeconds }, filterPasses: data.expectedHot,
      phases: summary,
    }, rounded, 2) + '\n');
    console.log(`\nwrote ${outFile}`);
    if (summary.some((s) => s.runs.some((r) => r.error))) process.exitCode = 1;
  } finally {
    await admin.disconnect();
  }
}

const broker = await startBroker();
// Ctrl-C or a kill still stops the private broker (its watcher would too, a little later).
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => { void broker.stop().finally(() => process.exit(130)); });
}
try {
  await main(broker);
} finally {
  await broker.stop();
}

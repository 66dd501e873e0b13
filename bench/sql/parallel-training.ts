// P5: training in parallel. A 4-partition source of N rows (8 numeric features), a ridge or a
// naive_bayes model trained by 1 or 2 durable engines on one MemoryLog (one process). Prints the
// rows per CPU-second of training (CPU of this process from the rows being there until every
// instance serves the merge of all N rows) and the rows each instance learned itself. Two
// instances in one process share its cores: the point is that the work splits, not the total.
//   npx vite-node bench/sql/parallel-training.ts [rows] [runs]
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import type { ProducerRecord } from '../../src/log/log.js';
import { StageClock } from './cpu-clock.js';

const ROWS = Number(process.argv[2] ?? 200_000);
const RUNS = Number(process.argv[3] ?? 3);
const PARTITIONS = 4;
const FEATURES = 8;
const props = { 'auto.offset.reset': 'earliest' };

const cols = Array.from({ length: FEATURES }, (_v, j) => `x${j}`);
const MODELS: Record<string, string> = {
  ridge: `CREATE MODEL m WITH (TYPE='ridge', LABEL='z') AS SELECT ${cols.join(', ')}, z FROM pts TRAIN ONLINE;`,
  naive_bayes: `CREATE MODEL m WITH (TYPE='naive_bayes', LABEL='c') AS SELECT ${cols.join(', ')}, c FROM pts TRAIN ONLINE;`,
};

function records(n: number): ProducerRecord[] {
  let s = 12345;
  const rnd = (): number => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
  return Array.from({ length: n }, (_v, i) => {
    const v: Record<string, number | string> = {};
    let z = 1;
    for (let j = 0; j < FEATURES; j++) { const x = Math.round(rnd() * 1000) / 100; v[`X${j}`] = x; z += (j + 1) * x; }
    v.Z = z + rnd();
    v.C = z > 180 ? 'high' : z > 160 ? 'mid' : 'low';
    return { key: null, partition: i % PARTITIONS, value: Buffer.from(JSON.stringify(v)) };
  });
}

interface Run { instances: number; model: string; cpuS: number; wallS: number; perInstance: number[] }

async function until(ok: () => boolean, ms = 600_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function run(instances: number, model: string, input: ProducerRecord[]): Promise<Run> {
  const log = new MemoryLog();
  const engines: Engine[] = [];
  try {
    for (let i = 0; i < instances; i++) engines.push(await Engine.create({ log, durable: true, serviceId: 'bench', properties: props }));
    await engines[0].executeScript(`CREATE STREAM pts (${cols.map((c) => `${c} DOUBLE`).join(', ')}, z DOUBLE, c STRING)
      WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=${PARTITIONS}); ${MODELS[model]}`);
    for (const e of engines) await e.settle();
    const runner = (e: Engine) => e.state.queries.get(e.state.models.get('M')!.def.queryId)!.runner;
    await until(() => engines.every((e) => runner(e).assignedTasks().length === PARTITIONS / instances));
    await log.produce('pts', input);
    const clock = new StageClock();
    await until(() => engines.every((e) => e.state.models.get('M')!.rows === input.length));
    const lap = clock.lap();
    const perInstance = engines.map((e) => {
      const m = e.state.models.get('M')!;
      return ('parts' in m ? m.parts?.localRows : undefined) ?? m.rows;
    });
    return { instances, model, cpuS: lap.cpuMs / 1000, wallS: lap.wallMs / 1000, perInstance };
  } finally {
    for (const e of engines.reverse()) await e.close();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const input = records(ROWS);
const out: Record<string, unknown>[] = [];
for (const model of Object.keys(MODELS)) {
  for (const instances of [1, 2]) {
    const runs: Run[] = [];
    for (let r = 0; r < RUNS; r++) runs.push(await run(instances, model, input));
    const cpu = median(runs.map((r) => r.cpuS));
    const row = {
      model, instances, rows: ROWS,
      rowsPerCpuS: Math.round(ROWS / cpu), cpuS: +cpu.toFixed(2), wallS: +median(runs.map((r) => r.wallS)).toFixed(2),
      learnedPerInstance: runs[0].perInstance,
    };
    out.push(row);
    console.log(JSON.stringify(row));
  }
}
console.log(JSON.stringify({ loadavg: (await import('node:os')).loadavg(), cpus: (await import('node:os')).cpus().length }));

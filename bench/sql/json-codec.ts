// JSON encode/decode cost per row on the shape of the Kafka benchmark (bench/kafka/load.ts):
// ~256-byte values {"sensor","site","temp","vibration","status","note"} with lower-case keys read
// into upper-case columns, and the filter query's output {"TEMP":..,"VIBRATION":..}.
// Prints CPU ns/row (median of 5 timed passes after a warm-up; CPU time, as the machine is
// shared), GC ms per 1k rows over those passes, and with `--baseline DIR` (a checkout's root,
// e.g. `git archive HEAD src | tar -x -C DIR`) the same for that code, passes interleaved so both
// see the same machine load.
// Run: npx vite-node bench/sql/json-codec.ts [--baseline DIR]
// vite-node calls across modules through getters: absolute numbers are higher than in dist/.
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import type { RowSerde } from '../../src/format/index.js';
import type { Column } from '../../src/types/schema.js';
import { Rng } from '../../src/ml/rng.js';

const ROWS = 50_000;
const PASSES = 5;
const VALUE_BYTES = 256;

const col = (name: string, kind: 'STRING' | 'DOUBLE'): Column => ({ name, type: { kind } } as Column);
const VALUE_COLUMNS = [col('SITE', 'STRING'), col('TEMP', 'DOUBLE'), col('VIBRATION', 'DOUBLE'), col('STATUS', 'STRING'), col('NOTE', 'STRING')];
const READ_TEMP_VIBRATION = VALUE_COLUMNS.map((c) => c.name === 'TEMP' || c.name === 'VIBRATION');
const OUTPUT_COLUMNS = [col('TEMP', 'DOUBLE'), col('VIBRATION', 'DOUBLE')];

interface Code {
  createJsonSerde(columns: Column[], opts: { isKey: boolean; unwrapped: boolean; readColumns?: boolean[] }): RowSerde;
  javaDoubleToString(d: number): string;
}

async function load(root: string): Promise<Code> {
  const serde = await import(resolve(root, 'src/format/json-serde.ts'));
  const number = await import(resolve(root, 'src/values/java-number.ts'));
  return { createJsonSerde: serde.createJsonSerde, javaDoubleToString: number.javaDoubleToString };
}

function records(): { values: Uint8Array[]; out: number[][] } {
  const rng = new Rng(42);
  const padding = 'lorem ipsum dolor sit amet '.repeat(12);
  const sites = ['north', 'south', 'east', 'west'];
  const values: Uint8Array[] = [];
  const out: number[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const reading = {
      sensor: `s-${Math.floor(rng.next() * 1000)}`, site: sites[Math.floor(rng.next() * sites.length)],
      temp: Math.round((50 + rng.next() * 40) * 10) / 10, vibration: Math.round(rng.next() * 100) / 1000,
      status: rng.next() < 0.95 ? 'OK' : 'WARN', note: '',
    };
    reading.note = padding.slice(0, Math.max(0, VALUE_BYTES - JSON.stringify(reading).length));
    values.push(new Uint8Array(Buffer.from(JSON.stringify(reading))));
    out.push([reading.temp, reading.vibration]);
  }
  return { values, out };
}

let gcMs = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; }).observe({ entryTypes: ['gc'] });
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5)); // GC entries arrive between passes

interface Result { ns: number; gcPer1k: number }

/** Median CPU ns per row of each pass, and GC ms per 1k rows; the passes of the variants interleaved. */
async function measure(passes: (() => number)[]): Promise<Result[]> {
  for (const pass of passes) { pass(); pass(); } // warm-up: let the JIT settle
  await tick();
  const times = passes.map(() => [] as number[]);
  const gc = passes.map(() => 0);
  let sink = 0;
  for (let i = 0; i < PASSES; i++) {
    for (let v = 0; v < passes.length; v++) {
      const gc0 = gcMs;
      const t0 = process.cpuUsage();
      sink += passes[v]();
      const t = process.cpuUsage(t0);
      times[v].push(((t.user + t.system) * 1000) / ROWS);
      await tick();
      gc[v] += gcMs - gc0;
    }
  }
  if (sink === -1) console.log(sink);
  return times.map((ts, v) => ({ ns: ts.sort((a, b) => a - b)[PASSES >> 1], gcPer1k: (gc[v] / (PASSES * ROWS)) * 1000 }));
}

const decodeAll = (serde: RowSerde, values: Uint8Array[]) => (): number => {
  let n = 0;
  for (const v of values) n += (serde.deserialize(v, 't')![1] as number) > 0 ? 1 : 0;
  return n;
};

const encodeAll = (serde: RowSerde, rows: number[][]) => (): number => {
  let n = 0;
  for (const r of rows) n += serde.serialize(r, 't')!.length;
  return n;
};

const at = process.argv.indexOf('--baseline');
const variants: [string, Code][] = [['now', await load(resolve(import.meta.dirname, '../..'))]];
if (at >= 0) variants.unshift(['baseline', await load(resolve(process.argv[at + 1]))]);
const { values, out } = records();
const doubles = out.flat();
const cases: [string, (c: Code) => () => number][] = [
  ['decode 5 of 5 columns', (c) => decodeAll(c.createJsonSerde(VALUE_COLUMNS, { isKey: false, unwrapped: false }), values)],
  ['decode 2 of 5 columns', (c) => decodeAll(c.createJsonSerde(VALUE_COLUMNS, { isKey: false, unwrapped: false, readColumns: READ_TEMP_VIBRATION }), values)],
  ['encode {TEMP,VIBRATION}', (c) => encodeAll(c.createJsonSerde(OUTPUT_COLUMNS, { isKey: false, unwrapped: false }), out)],
  ['javaDoubleToString x2', (c) => () => {
    let n = 0;
    for (let i = 0; i < ROWS; i++) n += c.javaDoubleToString(doubles[2 * i]).length + c.javaDoubleToString(doubles[2 * i + 1]).length;
    return n;
  }],
];
console.log(`json-codec: ${ROWS} rows of ~${VALUE_BYTES} bytes, CPU ns/row, median of ${PASSES}, load ${loadavg()[0].toFixed(2)}`);
for (const [name, make] of cases) {
  const results = await measure(variants.map(([, code]) => make(code)));
  const line = results.map((r, v) => `${variants[v][0]} ${r.ns.toFixed(0).padStart(5)} (gc ${r.gcPer1k.toFixed(3)} ms/1k)`).join('   ');
  console.log(`  ${name.padEnd(26)} ${line}`);
}

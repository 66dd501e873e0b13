// scratch: breakdown of the fused loop's components for one model (not committed)
import { Engine } from '../../src/engine/engine.js';
import { listModels } from '../../src/ml/registry.js';
import type { LiveModel } from '../../src/engine/models/live-model.js';
import { createRowSerde } from '../../src/format/index.js';
import { RowRecord } from '../../src/log/row-record.js';
import { DOUBLE } from '../../src/types/sql-type.js';
import { FEATURES } from '../ml/throughput.js';
import { modelInput } from './score-while-training.js';
import { median } from './cpu-clock.js';
import { PerformanceObserver } from 'node:perf_hooks';
let gcMs = 0; const gcByKind = new Map<number, number>();
new PerformanceObserver((l) => { for (const e of l.getEntries()) { gcMs += e.duration; const k = (e as any).detail?.kind ?? 0; gcByKind.set(k, (gcByKind.get(k) ?? 0) + e.duration); } }).observe({ entryTypes: ['gc'] });
const type = process.argv[2] ?? 'logistic_regression';
const N = Number(process.argv[3] ?? 200000);
const f0 = 0;
const f = listModels().find((m) => m.type === type)!;
const { records, x, y } = modelInput(f.task, N);
const yy = (() => { const m = new Map<number, number>(); return y.map((v) => { let c = m.get(v); if (c === undefined) m.set(v, (c = m.size)); return c; }); })();
const names = Array.from({ length: FEATURES }, (_, j) => `x${j}`);
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
async function once(stage: number): Promise<number> {
  const e = await Engine.create({ properties: { 'auto.offset.reset': 'earliest' } });
  const label = f.task === 'classification' ? 'BOOLEAN' : 'DOUBLE';
  const columns = `${names.map((n) => `${n} DOUBLE`).join(', ')}, y ${label}`;
  const learnsLabel = f.task === 'classification' || f.task === 'regression';
  await e.executeScript(`CREATE STREAM pts (${columns}) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);
    CREATE STREAM idle (${columns}) WITH (KAFKA_TOPIC='idle', VALUE_FORMAT='JSON', PARTITIONS=1);
    CREATE MODEL m WITH (TYPE='${f.type}'${learnsLabel ? ", LABEL='y'" : ''}) AS SELECT ${names.join(', ')}${learnsLabel ? ', y' : ''} FROM idle TRAIN ONLINE;`);
  const model = e.state.models.get('M') as LiveModel;
  const kind = f.task === 'anomaly' ? 'ANOMALY_SCORE' : f.task === 'clustering' ? 'CLUSTER' : 'PREDICT';
  const bound = model.bind(kind) as any;
  const predict = bound.overArray;
  const inSerde = createRowSerde({ format: 'JSON' }, e.state.catalog.require('PTS').schema.value, { isKey: false });
  const outSerde = createRowSerde({ format: 'JSON' }, [{ name: 'P', type: DOUBLE, namespace: 'VALUE' }], { isKey: false });
  const features = new Array<unknown>(FEATURES);
  const raw = f.create({ features: FEATURES, classes: f.task === 'classification' ? 2 : undefined, params: {}, seed: 42 });
  const raw2 = f.create({ features: FEATURES, params: {}, seed: 42 });
  const enc = new Float64Array(FEATURES);
  let sink = 0;
  const out: any[] = new Array(N);
  await new Promise((r) => setTimeout(r, 10)); gcMs = 0; gcByKind.clear();
  const pre = stage >= 5 ? records.map((r) => inSerde.deserialize(r.value as Buffer, 'pts')!.slice()) : [];
  const t0 = cpu();
  for (let i = 0; i < N; i++) {
    if (stage === 7) { if (i > 0) sink += raw2.predict(x[i]); raw2.learn(x[i], yy[i]); continue; }
    if (stage === 8) { const xb = enc; for (let j = 0; j < FEATURES; j++) xb[j] = x[i][j]; if (i > 0) sink += raw.predict(xb); raw.learn(xb, yy[i]); continue; }
    if (stage === 0) { if (i > 0) sink += raw.predict(x[i]); raw.learn(x[i], yy[i]); continue; }
    if (stage === 5 || stage === 6) {
      const v = pre[i];
      if (stage === 5) { for (let j = 0; j < FEATURES; j++) features[j] = v[j]; sink += predict(features) ? 1 : 0; }
      model.learn(v, 0); continue;
    }
    const row = inSerde.deserialize(records[i].value as Buffer, 'pts')!;
    if (stage === 1) { sink += row.length; continue; }
    for (let j = 0; j < FEATURES; j++) features[j] = row[j];
    const p = predict(features);
    if (stage === 2) { sink += p; continue; }
    model.learn(row, 0);
    if (stage === 3) continue;
    out[i] = new RowRecord(null, outSerde.rowToKeep!([typeof p === 'boolean' ? Number(p) : p])!, outSerde.rowEncoder!, 0);
  }
  const t = cpu() - t0;
  await new Promise((r) => setTimeout(r, 10)); gcs[stage].push(gcMs * 1000 / N); kinds[stage] = [...gcByKind].map(([k, v]) => `${k}:${(v * 1000 / N).toFixed(2)}`).join(' ');
  await e.close();
  if (sink === 0.5) console.log('');
  return t / N;
}
const labels = ['model alone', 'decode', '+predict', '+learn', '+out record', 'live pred+learn', 'live learn', 'model no classes', 'model 1 buffer'];
const res: number[][] = labels.map(() => []);
const gcs: number[][] = labels.map(() => []); const kinds: string[] = [];
for (let r = 0; r < Number(process.argv[4] ?? 5); r++) for (let s = 0; s < labels.length; s++) res[s].push(await once(s));
for (let s = 0; s < labels.length; s++) console.log(labels[s].padEnd(14), median(res[s].slice(1)).toFixed(3), 'µs/row; gc', median(gcs[s].slice(1)).toFixed(3), kinds[s]);

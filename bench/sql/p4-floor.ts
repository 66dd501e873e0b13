// P4's work without the query framework: one hand-written loop over Eddy's own components does
// what the three statements of score-while-training.ts do — produce the input, decode each record
// once (the JSON serde), PREDICT with the model as it was before the row (the binding a query
// calls), learn the row (LiveModel.learn: encoder, metrics, drift, statistics), write each
// prediction as a row record, and read every prediction back. SQL µs/row minus this is what the
// queries themselves cost (operators, gates, runners, consumers); this minus the model's own cost
// is what the components around the model cost. The model is made by CREATE MODEL over an idle
// stream of the same schema, so its training query never runs.
import { Engine } from '../../src/engine/engine.js';
import type { ModelFactory } from '../../src/ml/online-model.js';
import type { LogRecord, ProducerRecord } from '../../src/log/log.js';
import type { LiveModel } from '../../src/engine/models/live-model.js';
import { createRowSerde } from '../../src/format/index.js';
import { RowRecord } from '../../src/log/row-record.js';
import { DOUBLE } from '../../src/types/sql-type.js';
import { FEATURES } from '../ml/throughput.js';
import { StageClock, type Lap } from './cpu-clock.js';

const names = Array.from({ length: FEATURES }, (_, j) => `x${j}`);
const BATCH = 1000;

export async function p4Floor(f: ModelFactory, input: ProducerRecord[]): Promise<Lap> {
  const e = await Engine.create({ properties: { 'auto.offset.reset': 'earliest' } });
  try {
    const label = f.task === 'classification' ? 'BOOLEAN' : 'DOUBLE';
    const columns = `${names.map((n) => `${n} DOUBLE`).join(', ')}, y ${label}`;
    const learnsLabel = f.task === 'classification' || f.task === 'regression';
    await e.executeScript(`CREATE STREAM pts (${columns}) WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM idle (${columns}) WITH (KAFKA_TOPIC='idle', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE STREAM scored (p DOUBLE) WITH (KAFKA_TOPIC='scored', VALUE_FORMAT='JSON', PARTITIONS=1);
      CREATE MODEL m WITH (TYPE='${f.type}'${learnsLabel ? ", LABEL='y'" : ''}) AS SELECT ${names.join(', ')}${learnsLabel ? ', y' : ''} FROM idle TRAIN ONLINE;`);
    const model = e.state.models.get('M') as LiveModel;
    const kind = f.task === 'anomaly' ? 'ANOMALY_SCORE' : f.task === 'clustering' ? 'CLUSTER' : 'PREDICT';
    const bound = model.bind(kind);
    if (typeof bound === 'string') throw new Error(bound);
    const predict = bound.overArray;
    const inSerde = createRowSerde({ format: 'JSON' }, e.state.catalog.require('PTS').schema.value, { isKey: false });
    const outSerde = createRowSerde({ format: 'JSON' }, [{ name: 'P', type: DOUBLE, namespace: 'VALUE' }], { isKey: false });
    const clock = new StageClock();
    for (let i = 0; i < input.length; i += 10_000) await e.log.produce('pts', input.slice(i, i + 10_000));
    const features = new Array<unknown>(FEATURES);
    for (let offset = 0; ;) {
      const batch: LogRecord[] = await e.log.read('pts', 0, offset, BATCH);
      if (batch.length === 0) break;
      offset = batch[batch.length - 1].offset + 1;
      const out: ProducerRecord[] = new Array(batch.length);
      for (let i = 0; i < batch.length; i++) {
        const row = inSerde.deserialize(batch[i].value, 'pts')!;
        for (let j = 0; j < FEATURES; j++) features[j] = row[j];
        const p = predict(features);
        model.learn(row, 0);
        out[i] = new RowRecord(null, outSerde.rowToKeep!([typeof p === 'boolean' ? Number(p) : p])!, outSerde.rowEncoder!, batch[i].timestamp);
      }
      await e.log.produce('scored', out);
    }
    let seen = 0;
    const values = new Array<unknown>(1);
    for (let offset = 0; ;) {
      const batch = await e.log.read('scored', 0, offset, BATCH);
      if (batch.length === 0) break;
      offset = batch[batch.length - 1].offset + 1;
      for (const r of batch) {
        if (r.copyValues) r.copyValues(values, 0); else outSerde.deserialize(r.value, 'scored');
        seen++;
      }
    }
    const lap = clock.lap();
    if (seen !== input.length || model.rows !== input.length) throw new Error(`${f.type} (fused loop): ${seen} predictions, ${model.rows} rows learned; expected ${input.length}`);
    return lap;
  } finally {
    await e.close();
  }
}

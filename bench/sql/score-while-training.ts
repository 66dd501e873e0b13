// P4: a model through SQL, test-then-train. CREATE MODEL ... TRAIN ONLINE on a stream, a CSAS
// scoring every row of that stream with PREDICT (in lockstep: each row scored by the model from
// just before it learned the row), and every prediction read back through a push query. Both
// queries start before the input is produced (started on a full topic, the model would learn it
// all before the CSAS starts: no lockstep). The clock covers the statements, the produce of the
// pre-encoded input, the processing and the export.
import { Engine } from '../../src/engine/engine.js';
import { pushRowBatches } from '../../src/engine/push-row-batches.js';
import type { ModelFactory } from '../../src/ml/online-model.js';
import type { ProducerRecord } from '../../src/log/log.js';
import { FEATURES, syntheticRows } from '../ml/throughput.js';
import { StageClock, type Lap } from './cpu-clock.js';
import { StageProfiler } from './stage-profiler.js';

const names = Array.from({ length: FEATURES }, (_, j) => `x${j}`);

/** The rows as JSON records (features X0..X9 and the label Y, BOOLEAN for classifiers), and as the model sees them. */
export function modelInput(task: ModelFactory['task'], rows: number): { records: ProducerRecord[]; x: Float64Array[]; y: Float64Array } {
  const { x, y } = syntheticRows(rows, task === 'regression' ? 'regression' : 'classification', 3);
  const out: ProducerRecord[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const o: Record<string, number | boolean> = {};
    for (let j = 0; j < FEATURES; j++) o[names[j].toUpperCase()] = x[i][j];
    o.Y = task === 'classification' ? y[i] === 1 : y[i];
    out[i] = { key: null, value: Buffer.from(JSON.stringify(o)) };
  }
  return { records: out, x, y };
}

export async function scoreWhileTraining(f: ModelFactory, input: ProducerRecord[], profileDir?: string): Promise<Lap> {
  const profiler = new StageProfiler(profileDir);
  const e = await Engine.create({ properties: { 'auto.offset.reset': 'earliest' } });
  try {
    const labelType = f.task === 'classification' ? 'BOOLEAN' : 'DOUBLE';
    await e.executeScript(`CREATE STREAM pts (${names.map((n) => `${n} DOUBLE`).join(', ')}, y ${labelType})
      WITH (KAFKA_TOPIC='pts', VALUE_FORMAT='JSON', PARTITIONS=1);`);
    const learnsLabel = f.task === 'classification' || f.task === 'regression';
    await profiler.start();
    const clock = new StageClock();
    await e.executeScript(`
      CREATE MODEL m WITH (TYPE='${f.type}'${learnsLabel ? ", LABEL='y'" : ''}) AS SELECT ${names.join(', ')}${learnsLabel ? ', y' : ''} FROM pts TRAIN ONLINE;
      CREATE STREAM scored AS SELECT PREDICT(m, ${names.join(', ')}) AS p FROM pts;`);
    for (let i = 0; i < input.length; i += 10_000) await e.log.produce('pts', input.slice(i, i + 10_000));
    await e.settle(600_000);
    const [push] = await e.executeScript(`SELECT * FROM scored EMIT CHANGES LIMIT ${input.length};`);
    if (push.kind !== 'stream') throw new Error(`expected a push query, got ${push.kind}`);
    let seen = 0;
    for await (const batch of pushRowBatches(push.rows)) seen += batch.length; // as the CLI and REST export
    const lap = clock.lap();
    await profiler.lap(`p4-${f.type}`);
    await profiler.stop();
    if (seen !== input.length) throw new Error(`${f.type}: exported ${seen} predictions, expected ${input.length}`);
    const learned = e.state.models.get('M')?.rows;
    if (learned !== input.length) throw new Error(`${f.type}: the model learned ${learned} rows, expected ${input.length}`);
    return lap;
  } finally {
    await e.close();
  }
}

// P3: COPY a file of N readings into a stream, a CSAS that filters and projects it, then every
// output row read back through a push query. Each stage is timed on its own and the whole.
import { Engine } from '../../src/engine/engine.js';
import { addLaps, StageClock, type Lap } from './cpu-clock.js';
import { HOT } from './sensor-file.js';
import { StageProfiler } from './stage-profiler.js';

export interface PipelineRun { rows: number; passing: number; copy: Lap; csas: Lap; export: Lap; total: Lap }

export async function copyFilterExport(file: string, rows: number, passing: number, profileDir?: string): Promise<PipelineRun> {
  const profiler = new StageProfiler(profileDir);
  const e = await Engine.create({ properties: { 'auto.offset.reset': 'earliest' } });
  try {
    await e.executeScript(`CREATE STREAM readings (sensor_id STRING, temp DOUBLE, humidity DOUBLE, site STRING, read_at BIGINT)
      WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON', PARTITIONS=4);`);
    await profiler.start();
    const clock = new StageClock();
    await e.executeScript(`COPY readings FROM '${file}' WITH (FORMAT='JSON');`);
    const copy = clock.lap();
    await profiler.lap('p3-copy');
    clock.lap(); // the profiler's own time is not the pipeline's
    await e.executeScript(`CREATE STREAM hot AS SELECT sensor_id, site, temp * 1.8 + 32 AS temp_f, read_at
      FROM readings WHERE temp > ${HOT};`);
    await e.settle(600_000);
    const csas = clock.lap();
    await profiler.lap('p3-csas');
    clock.lap();
    const [push] = await e.executeScript(`SELECT * FROM hot EMIT CHANGES LIMIT ${passing};`);
    if (push.kind !== 'stream') throw new Error(`expected a push query, got ${push.kind}`);
    let seen = 0;
    for await (const _row of push.rows) seen++;
    const exported = clock.lap();
    await profiler.lap('p3-export');
    await profiler.stop();
    if (seen !== passing) throw new Error(`exported ${seen} rows, expected ${passing}`);
    return { rows, passing, copy, csas, export: exported, total: addLaps(addLaps(copy, csas), exported) };
  } finally {
    await e.close();
  }
}

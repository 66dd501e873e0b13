// A push query whose reader lags (a slow REST client) is paused by the engine once
// eddy.push.buffer.rows rows wait: memory stays bounded, and no row is lost.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { eventually } from './rest-fixture.js';

let engine: Engine;
beforeEach(async () => { engine = await Engine.create({ properties: { 'eddy.push.buffer.rows': '10', 'auto.offset.reset': 'earliest' } }); });
afterEach(async () => { await engine.close(); });

test('a push query whose reader lags stops reading its input at eddy.push.buffer.rows rows, then delivers every row in order', async () => {
  await engine.executeScript("CREATE STREAM s (n INT) WITH (kafka_topic='s', partitions=1, value_format='JSON');");
  const values = Array.from({ length: 100 }, (_, i) => `(${i})`);
  for (const v of values) await engine.executeScript(`INSERT INTO s (n) VALUES ${v};`);
  const [r] = await engine.executeScript('SELECT n FROM s EMIT CHANGES LIMIT 100;');
  if (r.kind !== 'stream') throw new Error('expected a push query');
  const runner = engine.state.queries.get(r.queryId)!.runner;
  // Nobody reads: the query holds at 10 rows waiting, its 11th record not processed.
  await eventually(() => runner.nextToProcess('s', 0) === 10);
  const got: number[] = [];
  for await (const row of r.rows) got.push(row[0] as number);
  expect(got).toEqual(Array.from({ length: 100 }, (_, i) => i));
  expect(engine.state.queries.has(r.queryId)).toBe(false);
});

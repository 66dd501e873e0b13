// A function that fails on a row is logged against the query that ran it, with the record the row
// came from, also when the row reached the failing operator through the query's repartition topic
// and another query processed records in between (the reporter travels with each query's operators).
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { FunctionRegistry } from '../../udfs/registry.js';
import { builtinFunctions } from '../../udfs/index.js';
import type { ScalarFunction } from '../../udfs/types.js';
import type { ProcessingLogEntry } from '../../src/runtime/processing-log.js';

const failOnBad: ScalarFunction = {
  kind: 'scalar', name: 'FAIL_ON_BAD', category: 'TEST', description: 'Throws on the string bad.', examples: [],
  overloads: [{
    params: [{ name: 's', type: { kind: 'STRING' } }], returns: { kind: 'STRING' },
    impl: (s: string) => { if (s === 'bad') throw new Error(`refused ${s}`); return s; },
  }],
};

const record = (s: string) => ({ key: Buffer.from('k'), value: Buffer.from(JSON.stringify({ G: 'g', S: s })) });

describe('evaluation errors after a repartition topic', () => {
  it('name their own query and the repartition record, with two queries running at once', async () => {
    const log = new MemoryLog();
    const logged: ProcessingLogEntry[] = [];
    const engine = await Engine.create({
      log, durable: true, serviceId: 'svc', properties: { 'auto.offset.reset': 'earliest' },
      registry: new FunctionRegistry([...builtinFunctions, failOnBad]),
      onProcessingLog: (e) => logged.push(e),
    });
    try {
      await engine.executeScript(`
        CREATE STREAM a_in (id STRING KEY, g STRING, s STRING) WITH (KAFKA_TOPIC='a_in', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE STREAM b_in (id STRING KEY, g STRING, s STRING) WITH (KAFKA_TOPIC='b_in', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE TABLE a_out AS SELECT g, COLLECT_LIST(FAIL_ON_BAD(s)) AS l FROM a_in GROUP BY g;
        CREATE TABLE b_out AS SELECT g, COLLECT_LIST(FAIL_ON_BAD(s)) AS l FROM b_in GROUP BY g;`);
      const ids = new Map([...engine.state.queries.values()].map((q) => [q.sinkName, q.id] as const));
      const a = ids.get('A_OUT')!, b = ids.get('B_OUT')!;
      expect(a).toMatch(/^CTAS_A_OUT/);
      expect(b).toMatch(/^CTAS_B_OUT/);
      // Both queries have records to process at once, in several batches each.
      for (let round = 0; round < 3; round++) {
        await Promise.all([
          log.produce('a_in', [record('ok'), record('bad')]),
          log.produce('b_in', [record('bad'), record('ok')]),
        ]);
      }
      await engine.settle();
      const evaluation = logged.filter((e) => e.type === 'EVALUATION');
      const of = (id: string) => evaluation.filter((e) => e.queryId === id).map((e) => [e.topic, e.partition, e.offset]);
      const repartition = (id: string) => expect.stringMatching(new RegExp(`${id}.*-repartition$`));
      // Every row goes through the repartition topic in order: a's bad rows at 1, 3, 5; b's at 0, 2, 4.
      expect(of(a)).toEqual([1, 3, 5].map((o) => [repartition(a), 0, o]));
      expect(of(b)).toEqual([0, 2, 4].map((o) => [repartition(b), 0, o]));
      expect(evaluation).toHaveLength(6);
      expect(evaluation.every((e) => e.message.includes('refused bad'))).toBe(true);
    } finally {
      await engine.close();
    }
  });
});

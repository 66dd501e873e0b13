// A durable service moves GROUP BY rows through a repartition topic; the group key is evaluated
// once per row, before the exchange, as ksqlDB's GROUP BY step does, so a function in GROUP BY
// runs once per row (it may be costly, or not give the same answer twice) and a failure in it
// is logged once.
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { FunctionRegistry } from '../../udfs/registry.js';
import { builtinFunctions } from '../../udfs/index.js';
import type { ScalarFunction } from '../../udfs/types.js';

describe('a durable GROUP BY on a new key', () => {
  it('evaluates the grouping expression once per row', async () => {
    let calls = 0;
    const region: ScalarFunction = {
      kind: 'scalar', name: 'COUNTED_UPPER', category: 'TEST', description: 'UCASE, counting its calls.', examples: [], volatile: true,
      overloads: [{ params: [{ name: 's', type: { kind: 'STRING' } }], returns: { kind: 'STRING' }, impl: (s: string) => { calls++; return s.toUpperCase(); } }],
    };
    const log = new MemoryLog();
    const engine = await Engine.create({
      log, durable: true, serviceId: 'svc', properties: { 'auto.offset.reset': 'earliest' },
      registry: new FunctionRegistry([...builtinFunctions, region]),
    });
    try {
      await engine.executeScript(`
        CREATE STREAM readings (id STRING KEY, region STRING) WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON', PARTITIONS=2);
        CREATE TABLE by_region AS SELECT COUNTED_UPPER(region) AS r, COUNT(*) AS n FROM readings GROUP BY COUNTED_UPPER(region);
        INSERT INTO readings (id, region) VALUES ('a', 'north');
        INSERT INTO readings (id, region) VALUES ('b', 'south');
        INSERT INTO readings (id, region) VALUES ('c', 'north');`);
      await engine.settle();
      const topics = (await log.listTopics()).map((t) => t.name);
      expect(topics.some((t) => t.endsWith('-repartition'))).toBe(true);
      expect(calls).toBe(3);
    } finally {
      await engine.close();
    }
  });
});

// A stored plan holds each expression typed (columns as row positions, calls by overload
// signature), so a replay compiles it without analyzing; a version 1 plan (AST only) is typed
// when it is restored, to the same plan the planner makes now.
import { describe, it, expect } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { MemoryLog } from '../../src/log/memory-log.js';
import { CommandLog } from '../../src/engine/command-log.js';
import { restorePlan, type StoredPlan } from '../../src/plan/stored-plan.js';
import type { SinkStep } from '../../src/plan/physical-plan.js';
import { toTaggedJson } from '../../src/types/tagged-json.js';

/** What version 1 stored: the same steps without their typed expressions. */
function asVersion1(p: StoredPlan): StoredPlan {
  const strip = (o: unknown): unknown => {
    if (Array.isArray(o)) return o.map(strip);
    if (o === null || typeof o !== 'object') return o;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      if (k === 'typed' || k.startsWith('typed')) continue;
      out[k] = strip(v);
    }
    return out;
  };
  return { version: 1, root: toTaggedJson(strip(restorePlan(p))) };
}

describe('typed expressions in stored plans', () => {
  it('hold overloads by signature and survive the command topic; version 1 plans are typed on restore', async () => {
    const log = new MemoryLog();
    const e = await Engine.create({ log, durable: true, serviceId: 'svc', properties: { 'auto.offset.reset': 'earliest' } });
    let ran: SinkStep | undefined;
    try {
      await e.executeScript(`
        CREATE STREAM s (id INT KEY, k STRING, v INT, d DECIMAL(4, 2)) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);
        CREATE TABLE t AS SELECT UCASE(k) AS k, SUM(ABS(v)) AS total, MAX(d * 2) AS m FROM s WHERE LEN(k) > 1 GROUP BY UCASE(k);`);
      ran = [...e.state.queries.values()][0].root as SinkStep;
    } finally {
      await e.close();
    }
    const [, ctas] = (await new CommandLog(log, 'svc').readFrom(0)).map((r) => r.command!);
    const text = JSON.stringify(ctas.plan);
    // The call names its overload; no implementation object went into the topic.
    expect(text).toContain('"kind":"Call","name":"ABS","overload":"INTEGER"');
    const restored = restorePlan(ctas.plan!);
    expect(restored).toEqual(ran!.input);
    const v1 = asVersion1(ctas.plan!);
    expect(JSON.stringify(v1)).not.toContain('"typed');
    expect(() => restorePlan(v1)).toThrow(/needs the function registry/);
    expect(restorePlan(v1, e.state.registry)).toEqual(ran!.input);
  });
});

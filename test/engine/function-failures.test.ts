// A function that fails on a row gives NULL for that call and a processing-log entry saying why,
// in words a user can act on.
import { describe, it, expect, afterEach } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { FunctionRegistry } from '../../udfs/registry.js';
import { builtinFunctions } from '../../udfs/index.js';
import type { ScalarFunction } from '../../udfs/types.js';
import type { ProcessingLogEntry } from '../../src/runtime/processing-log.js';
import { rowsOf } from './engine-helpers.js';

let engine: Engine | undefined;
afterEach(async () => { await engine?.close(); engine = undefined; });

/** Runs `select` over one row with s = `value`; returns the row and the processing-log messages. */
async function selectOne(select: string, value: string, extra: ScalarFunction[] = []): Promise<{ row: unknown[]; logged: string[] }> {
  const logged: ProcessingLogEntry[] = [];
  engine = await Engine.create({
    registry: new FunctionRegistry([...builtinFunctions, ...extra]),
    properties: { 'auto.offset.reset': 'earliest' },
    onProcessingLog: (e) => logged.push(e),
  });
  const res = await engine.executeScript(`
    CREATE STREAM src (id INT KEY, s STRING) WITH (KAFKA_TOPIC='src', VALUE_FORMAT='JSON', PARTITIONS=1);
    INSERT INTO src (id, s) VALUES (1, '${value}');
    CREATE STREAM out_s AS SELECT id, ${select} AS x FROM src;
    SELECT x FROM out_s EMIT CHANGES LIMIT 1;`);
  const [row] = await rowsOf(res[res.length - 1]);
  await engine.settle();
  return { row, logged: logged.map((e) => e.message) };
}

/** A user function that throws what JavaScript throws when a value outgrows its limits. */
const throwing = (name: string, error: () => Error): ScalarFunction => ({
  kind: 'scalar', name, category: 'test', description: 'Throws.', examples: [],
  overloads: [{ params: [{ name: 's', type: { kind: 'STRING' } }], returns: { kind: 'STRING' }, impl: () => { throw error(); } }],
});

describe('ENCODE of text that is not base64', () => {
  it('gives NULL and logs the illegal character instead of returning garbage', async () => {
    const { row, logged } = await selectOne("ENCODE(s, 'base64', 'utf8')", 'not base64!');
    expect(row).toEqual([null]);
    expect(logged.some((m) => /Illegal base64 character '!' at index 10/.test(m))).toBe(true);
  });

  it('still decodes base64 broken into lines, as MIME writes it', async () => {
    const { row, logged } = await selectOne("ENCODE(s, 'base64', 'utf8')", 'RXhh\nbXBs ZSE=');
    expect(row).toEqual(['Example!']);
    expect(logged).toEqual([]);
  });
});

describe('values over JavaScript limits', () => {
  it('a string grown past the longest JavaScript string logs "string result too long", not "Invalid string length"', async () => {
    const f = throwing('GROW', () => new RangeError('Invalid string length'));
    const { row, logged } = await selectOne('GROW(s)', 'x', [f]);
    expect(row).toEqual([null]);
    expect(logged.some((m) => /GROW\(S\).*string result too long \(over \d+ characters\)/.test(m)), logged.join('\n')).toBe(true);
  });

  it('a number grown past BigInt limits logs "number too large", not "Maximum BigInt size exceeded"', async () => {
    const f = throwing('HUGE', () => new RangeError('Maximum BigInt size exceeded'));
    const { row, logged } = await selectOne('HUGE(s)', 'x', [f]);
    expect(row).toEqual([null]);
    expect(logged.some((m) => /number too large to compute/.test(m)), logged.join('\n')).toBe(true);
  });
});

// Any payload gives a row or a SerdeError, never another exception or a hang.
import { describe, it, expect } from 'vitest';
import { createRowSerde, createWindowedKeySerde, SerdeError } from '../../src/format/index.js';
import type { FormatName } from '../../src/format/index.js';
import {
  array, BIGINT, BOOLEAN, BYTES, DATE, decimal, DOUBLE, INTEGER, map, STRING, struct, TIME, TIMESTAMP,
} from '../../src/types/sql-type.js';
import type { SqlType } from '../../src/types/sql-type.js';
import { bytes, col } from './helpers.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const primitives: SqlType[] = [BOOLEAN, INTEGER, BIGINT, DOUBLE, STRING, BYTES, DATE, TIME, TIMESTAMP, decimal(6, 2)];
const nested: SqlType[] = [array(INTEGER), map(STRING, DOUBLE), struct([{ name: 'A', type: STRING }, { name: 'B', type: array(decimal(4, 1)) }])];

const JSONISH = ['{', '}', '[', ']', '"', ':', ',', '1', '-', '.', 'e', 'true', 'null', '"a"', '"A"', ' ', '\\', '0.5', '1e999', 'x', '\n', '\u00e9'];

function payloads(next: () => number): Uint8Array[] {
  const out: Uint8Array[] = [new Uint8Array(0), bytes('null'), bytes('[[[[[[[['.repeat(2000)), bytes('{"a":'.repeat(5000))];
  for (let i = 0; i < 300; i++) {
    const n = Math.floor(next() * 40);
    if (i % 2 === 0) {
      out.push(Uint8Array.from({ length: n }, () => Math.floor(next() * 256)));
    } else {
      out.push(bytes(Array.from({ length: n }, () => JSONISH[Math.floor(next() * JSONISH.length)]).join('')));
    }
  }
  return out;
}

function expectRowOrSerdeError(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof SerdeError)) throw e;
  }
}

describe('garbage input', () => {
  const next = rng(1234);
  const inputs = payloads(next);

  for (const format of ['JSON', 'DELIMITED', 'KAFKA'] as FormatName[]) {
    it(`${format} gives a row or a SerdeError`, () => {
      const types = format === 'JSON' ? [...primitives, ...nested] : format === 'DELIMITED' ? primitives : [INTEGER, BIGINT, DOUBLE, STRING, BYTES];
      const serdes = [
        ...types.map((t) => createRowSerde({ format }, [col('V', t)], { isKey: false })),
        ...types.map((t) => createRowSerde({ format }, [col('V', t)], { isKey: true })),
      ];
      if (format !== 'KAFKA') serdes.push(createRowSerde({ format }, types.map((t, i) => col(`C${i}`, t)), { isKey: false }));
      if (format === 'JSON') serdes.push(...types.map((t) => createRowSerde({ format, options: { wrapSingleValue: false } }, [col('V', t)], { isKey: false })));
      for (const s of serdes) for (const p of inputs) expectRowOrSerdeError(() => s.deserialize(p, 't'));
    });
  }

  it('copes with huge numbers and deep nesting quickly', () => {
    const big = '7'.repeat(1_000_000);
    const t0 = Date.now();
    const ints = createRowSerde({ format: 'JSON' }, [col('I', INTEGER), col('L', BIGINT), col('D', decimal(6, 2))], { isKey: false });
    expectRowOrSerdeError(() => ints.deserialize(bytes(`{"I": ${big}, "L": ${big}}`), 't'));
    expectRowOrSerdeError(() => ints.deserialize(bytes(`{"D": ${big}}`), 't'));
    expectRowOrSerdeError(() => ints.deserialize(bytes(`{"D": "0.${big}"}`), 't'));
    const del = createRowSerde({ format: 'DELIMITED' }, [col('L', BIGINT), col('D', decimal(6, 2))], { isKey: false });
    expectRowOrSerdeError(() => del.deserialize(bytes(`${big},1`), 't'));
    const str = createRowSerde({ format: 'JSON', options: { wrapSingleValue: false } }, [col('S', STRING)], { isKey: false });
    expectRowOrSerdeError(() => str.deserialize(bytes('['.repeat(200_000) + ']'.repeat(200_000)), 't'));
    expectRowOrSerdeError(() => str.deserialize(bytes('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)), 't'));
    expectRowOrSerdeError(() => str.deserialize(bytes(big), 't'));
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('windowed keys give a row or a SerdeError', () => {
    for (const w of ['TUMBLING', 'SESSION'] as const) {
      const s = createWindowedKeySerde({ format: 'JSON' }, [col('K', INTEGER, 'KEY')], w, 1000);
      for (const p of inputs) expectRowOrSerdeError(() => s.deserialize(p, 't'));
    }
  });
});

// The exact JSON parser is slower than JSON.parse: only schemas with DECIMAL use it up front;
// others fall back to it only when a number's text matters (a number read as STRING).
import { describe, it, expect, vi, beforeEach } from 'vitest';

vi.mock('../../src/format/json-exact.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/format/json-exact.js')>();
  return { ...actual, parseJsonExact: vi.fn(actual.parseJsonExact) };
});

import { parseJsonExact } from '../../src/format/json-exact.js';
import { createRowSerde } from '../../src/format/index.js';
import { BIGINT, BOOLEAN, DOUBLE, INTEGER, STRING, array, decimal } from '../../src/types/sql-type.js';
import { bytes, col } from './helpers.js';

const spy = vi.mocked(parseJsonExact);

describe('exact JSON parsing', () => {
  beforeEach(() => {
    spy.mockClear();
  });

  it('is not used for a 10-column row without DECIMAL columns', () => {
    const types = [INTEGER, BIGINT, DOUBLE, STRING, BOOLEAN, INTEGER, BIGINT, DOUBLE, STRING, array(INTEGER)];
    const serde = createRowSerde({ format: 'JSON' }, types.map((t, i) => col(`C${i}`, t)), { isKey: false });
    const json = '{"c0":1,"c1":1234567890123,"c2":1.5,"c3":"x","c4":true,"c5":-3,"c6":0,"c7":2e10,"c8":"y","c9":[1,2]}';
    expect(serde.deserialize(bytes(json), 't')).toEqual([1, 1234567890123, 1.5, 'x', true, -3, 0, 2e10, 'y', [1, 2]]);
    expect(spy).not.toHaveBeenCalled();
  });

  it('is used for schemas with DECIMAL', () => {
    const serde = createRowSerde({ format: 'JSON' }, [col('D', decimal(4, 2))], { isKey: false });
    serde.deserialize(bytes('{"D": 1.50}'), 't');
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('is used as a fallback when a number is read as STRING', () => {
    const serde = createRowSerde({ format: 'JSON' }, [col('S', STRING)], { isKey: false });
    expect(serde.deserialize(bytes('{"S": 1.0}'), 't')).toEqual(['1.0']);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

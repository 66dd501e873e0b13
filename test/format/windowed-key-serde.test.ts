import { describe, it, expect } from 'vitest';
import { createWindowedKeySerde, SerdeError } from '../../src/format/index.js';
import { INTEGER, STRING } from '../../src/types/sql-type.js';
import { col, fromHex, hex } from './helpers.js';

const kafkaInt = [col('K', INTEGER, 'KEY')];

describe('windowed keys', () => {
  it('lays out time windows as key + 8-byte start, and derives the end from the size', () => {
    const s = createWindowedKeySerde({ format: 'KAFKA' }, kafkaInt, 'TUMBLING', 30000);
    const b = s.serialize([10], { start: 60000, end: 90000 }, 't');
    expect(hex(b)).toBe('0000000a' + '000000000000ea60');
    expect(s.deserialize(b, 't')).toEqual({ row: [10], window: { start: 60000, end: 90000 } });
  });

  it('takes the size from a window description too', () => {
    const s = createWindowedKeySerde({ format: 'KAFKA' }, kafkaInt, { type: 'HOPPING', sizeMs: 5000 });
    expect(s.deserialize(fromHex('00000001 0000000000000064'), 't')).toEqual({ row: [1], window: { start: 100, end: 5100 } });
    expect(() => createWindowedKeySerde({ format: 'KAFKA' }, kafkaInt, 'TUMBLING')).toThrow(/window size/);
  });

  it('lays out session windows as key + 8-byte end + 8-byte start', () => {
    const s = createWindowedKeySerde({ format: 'JSON' }, [col('K', STRING, 'KEY')], 'SESSION');
    const b = s.serialize(['a'], { start: 1, end: 2 }, 't');
    expect(hex(b)).toBe('226122' + '0000000000000002' + '0000000000000001');
    expect(s.deserialize(b, 't')).toEqual({ row: ['a'], window: { start: 1, end: 2 } });
  });

  it('passes null keys through and rejects truncated or impossible windows', () => {
    const s = createWindowedKeySerde({ format: 'KAFKA' }, kafkaInt, 'SESSION');
    expect(s.serialize(null, { start: 0, end: 0 }, 't')).toBeNull();
    expect(s.deserialize(null, 't').row).toBeNull();
    expect(() => s.deserialize(fromHex('0000000000000001'), 't')).toThrow(/has 8 bytes; expected at least 16/);
    expect(() => s.deserialize(fromHex('00000001 0000000000000001 0000000000000002'), 't')).toThrow(SerdeError);
    const t = createWindowedKeySerde({ format: 'KAFKA' }, kafkaInt, 'TUMBLING', 10);
    expect(() => t.deserialize(fromHex('00000001 ffffffffffffffff'), 't')).toThrow(/cannot be negative/);
    expect(() => t.deserialize(fromHex('0001'), 't')).toThrow(SerdeError);
    expect(() => t.serialize([null], { start: 0, end: 10 }, 't')).toThrow(/cannot be null/);
  });
});

import { describe, it, expect } from 'vitest';
import { createRowSerde, validateFormatOptions } from '../../src/format/index.js';
import { SqlError } from '../../src/types/sql-error.js';
import { INTEGER, STRING } from '../../src/types/sql-type.js';
import { bytes, col } from './helpers.js';

describe('createRowSerde', () => {
  it('NONE ignores bytes on read and writes nothing', () => {
    const s = createRowSerde({ format: 'NONE' }, [], { isKey: true });
    expect(s.deserialize(bytes('data that should be ignored'), 't')).toEqual([]);
    expect(s.deserialize(null, 't')).toBeNull();
    expect(s.serialize([], 't')).toBeNull();
  });

  it('NONE refuses columns', () => {
    expect(() => createRowSerde({ format: 'NONE' }, [col('K', STRING, 'KEY')], { isKey: true }))
      .toThrow("The 'NONE' format can only be used when no columns are defined. Got: [`K` STRING KEY]");
    expect(() => createRowSerde({ format: 'NONE' }, [col('FOO', INTEGER)], { isKey: false }))
      .toThrow('Got: [`FOO` INTEGER]');
  });

  it('keyless keys in JSON and DELIMITED read and write nothing', () => {
    for (const format of ['JSON', 'DELIMITED'] as const) {
      const s = createRowSerde({ format }, [], { isKey: true });
      expect(s.serialize([], 't')).toBeNull();
      expect(s.deserialize(bytes('x'), 't')).toEqual([]);
    }
  });

  it('registry formats without a registry say which setting they need; PROTOBUF_NOSR needs none', () => {
    for (const format of ['AVRO', 'PROTOBUF'] as const) {
      expect(() => createRowSerde({ format }, [col('A', INTEGER)], { isKey: false })).toThrow(/schema\.registry\.url/);
    }
    const nosr = createRowSerde({ format: 'PROTOBUF_NOSR' }, [col('A', INTEGER)], { isKey: false });
    expect(nosr.deserialize(nosr.serialize([42], 't'), 't')).toEqual([42]);
  });

  it('refuses a delimiter for other formats', () => {
    expect(() => createRowSerde({ format: 'JSON', options: { delimiter: '|' } }, [col('A', INTEGER)], { isKey: false }))
      .toThrow('JSON does not support the following configs: [delimiter]');
  });
});

describe('validateFormatOptions', () => {
  it('checks WRAP_SINGLE_VALUE as ksqlDB statements do', () => {
    expect(() => validateFormatOptions({ format: 'JSON', options: { wrapSingleValue: true } }, 2))
      .toThrow("'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
    expect(() => validateFormatOptions({ format: 'KAFKA', options: { wrapSingleValue: true } }, 1))
      .toThrow("Format 'KAFKA' does not support 'WRAP_SINGLE_VALUE' set to 'true'.");
    expect(() => validateFormatOptions({ format: 'DELIMITED', options: { wrapSingleValue: true } }, 1))
      .toThrow("Format 'DELIMITED' does not support 'WRAP_SINGLE_VALUE' set to 'true'.");
    expect(() => validateFormatOptions({ format: 'DELIMITED', options: { wrapSingleValue: false } }, 1)).not.toThrow();
    expect(() => validateFormatOptions({ format: 'JSON', options: { wrapSingleValue: false } }, 1)).not.toThrow();
  });

  it('checks delimiters', () => {
    expect(() => validateFormatOptions({ format: 'DELIMITED', options: { delimiter: '\t' } }, 2)).toThrow(SqlError);
    expect(() => validateFormatOptions({ format: 'DELIMITED', options: { delimiter: 'TAB' } }, 2)).not.toThrow();
  });
});

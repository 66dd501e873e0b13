import { describe, expect, it } from 'vitest';
import {
  formatDate, formatTime, formatTimestamp, javaSqlTimestampString, parseDate, parseTime, parseTimestamp,
} from '../../src/values/sql-time.js';

describe('ksqlDB temporal strings', () => {
  it('parses full and partial timestamps', () => {
    expect(parseTimestamp('2022-04-28T21:44:47.943')).toBe(1651182287943);
    expect(parseTimestamp('2022-04-28T21:44:47.943Z')).toBe(1651182287943);
    expect(parseTimestamp('2017-11-13T23:59:58')).toBe(1510617598000);
    expect(parseTimestamp('2017-11-13T23:59:58.999-0100')).toBe(1510621198999);
    expect(parseTimestamp('2017-11-13T23:59:58.999+0100')).toBe(1510613998999);
    expect(parseTimestamp('2017')).toBe(Date.UTC(2017, 0, 1));
    expect(parseTimestamp('2020-02')).toBe(Date.UTC(2020, 1, 1));
    expect(parseTimestamp('2020-12-02T13')).toBe(Date.UTC(2020, 11, 2, 13));
    expect(parseTimestamp('2020-12-02T13:59Z')).toBe(Date.UTC(2020, 11, 2, 13, 59));
    expect(parseTimestamp('2022-06-14')).toBe(1655164800000);
    expect(() => parseTimestamp('2017-1-1')).toThrow("Failed to parse timestamp '2017-1-1'");
    expect(() => parseTimestamp('2017-01-01T00:00:00.000+foo')).toThrow("Failed to parse timestamp '2017-01-01T00:00:00.000+foo'");
  });

  it('parses dates and times', () => {
    expect(parseDate('2022-06-14')).toBe(19157);
    expect(parseDate('2003-12-24')).toBe(12410);
    expect(parseDate('2004')).toBe(12418);
    expect(parseDate('1969-12-31')).toBe(-1);
    expect(() => parseDate('2021-02-30')).toThrow("Failed to parse date '2021-02-30'");
    expect(parseTime('09:16:00')).toBe(33360000);
    expect(parseTime('01:34')).toBe(5640000);
    expect(parseTime('01:34:20.123456')).toBe(5660123);
    expect(() => parseTime('25:00')).toThrow("Failed to parse time '25:00'");
  });

  it('formats as ksqlDB', () => {
    expect(formatTimestamp(1651182287943)).toBe('2022-04-28T21:44:47.943');
    expect(formatTimestamp(0)).toBe('1970-01-01T00:00:00.000');
    expect(formatTimestamp(-1)).toBe('1969-12-31T23:59:59.999');
    expect(formatDate(19157)).toBe('2022-06-14');
    expect(formatTime(33360000)).toBe('09:16');
    expect(formatTime(33365123)).toBe('09:16:05');
    expect(javaSqlTimestampString(1651182287943)).toBe('2022-04-28 21:44:47.943');
    expect(javaSqlTimestampString(1651182287000)).toBe('2022-04-28 21:44:47.0');
    expect(javaSqlTimestampString(1651182287900)).toBe('2022-04-28 21:44:47.9');
  });
});

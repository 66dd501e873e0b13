import { describe, expect, it } from 'vitest';
import { datetimeFunctions } from '../../udfs/datetime/index.js';
import { functionsByName } from './call-function.js';
import { checkFunctions } from './function-checks.js';
import * as J from '../../udfs/datetime/java-date-format.js';
import { zoneOf } from '../../udfs/datetime/zone-id.js';
import { sqlDateText, sqlTimeText, sqlTimestampText } from '../../udfs/datetime/iso-text.js';

const { fn, call } = functionsByName(datetimeFunctions);
const error = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

checkFunctions(datetimeFunctions);

describe('DATEADD, DATESUB (QTT dateadd.json, datesub.json)', () => {
  it('adds and subtracts days', () => {
    expect(call('DATEADD', 'DAYS', 10, 10)).toBe(20);
    expect([5, 10, 2].map((d) => call('DATEADD', 'DAYS', -5, d))).toEqual([0, 5, -3]);
    expect(call('DATESUB', 'DAYS', 10, 40)).toBe(30);
    expect(call('DATESUB', 'DAYS', 10, 5)).toBe(-5);
    expect([5, -5].map((d) => call('DATESUB', 'DAYS', -5, d))).toEqual([10, 0]);
  });
  it('accepts singular and plural units in any case', () => {
    expect(call('DATEADD', 'day', 1, 0)).toBe(1);
    expect(call('DATEADD', 'HOURS', 48, 0)).toBe(2);
  });
  it('truncates partial days toward zero, as TimeUnit.toDays does', () => {
    expect(call('DATEADD', 'HOURS', 23, 0)).toBe(0);
    expect(call('DATEADD', 'HOURS', -1, 0)).toBe(0);
    expect(call('DATEADD', 'HOURS', -25, 0)).toBe(-1);
    expect(call('DATEADD', 'MILLISECONDS', 5, 10)).toBe(10);
  });
  it('propagates NULL', () => {
    expect(call('DATEADD', 'MILLISECONDS', 5, null)).toBeNull();
    expect(call('DATEADD', 'MILLISECONDS', null, 5)).toBeNull();
    expect(call('DATESUB', 'MILLISECONDS', null, null)).toBeNull();
  });
  it('rejects an unknown unit', () => {
    expect(error(() => call('DATEADD', 'WEEKS', 1, 0))).toContain('WEEKS');
  });
});

describe('TIMEADD, TIMESUB (QTT timeadd.json, timesub.json)', () => {
  it('wraps around midnight', () => {
    expect(call('TIMEADD', 'MILLISECONDS', 10, 10)).toBe(20);
    expect(call('TIMEADD', 'MILLISECONDS', 10, 86399995)).toBe(5);
    expect([5, 10, 2].map((t) => call('TIMEADD', 'MILLISECONDS', -5, t))).toEqual([0, 5, 86399997]);
    expect(call('TIMESUB', 'MILLISECONDS', 10, 20)).toBe(10);
    expect(call('TIMESUB', 'MILLISECONDS', 10, 5)).toBe(86399995);
    expect([5, 0, 86399997].map((t) => call('TIMESUB', 'MILLISECONDS', -5, t))).toEqual([10, 5, 2]);
    expect(call('TIMEADD', 'DAYS', 3, 1000)).toBe(1000);
    expect(call('TIMEADD', 'HOURS', 25, 0)).toBe(3_600_000);
  });
  it('propagates NULL', () => {
    expect(call('TIMEADD', 'MILLISECONDS', null, 5)).toBeNull();
    expect(call('TIMESUB', 'MILLISECONDS', 5, null)).toBeNull();
  });
});

describe('TIMESTAMPADD, TIMESTAMPSUB (QTT timestampadd.json, timestampsub.json)', () => {
  it('shifts by the unit', () => {
    expect(call('TIMESTAMPADD', 'MILLISECONDS', 10, 10)).toBe(20);
    expect([5, 10, 2].map((t) => call('TIMESTAMPADD', 'MILLISECONDS', -5, t))).toEqual([0, 5, -3]);
    expect(call('TIMESTAMPSUB', 'MILLISECONDS', 10, 20)).toBe(10);
    expect([5, 0, -100].map((t) => call('TIMESTAMPSUB', 'MILLISECONDS', -5, t))).toEqual([10, 5, -95]);
    expect(call('TIMESTAMPADD', 'DAYS', 1, 0)).toBe(86_400_000);
  });
  it('propagates NULL', () => {
    expect(call('TIMESTAMPADD', 'MILLISECONDS', null, 5)).toBeNull();
    expect(call('TIMESTAMPSUB', 'MILLISECONDS', 5, null)).toBeNull();
  });
});

describe('FORMAT_TIMESTAMP, TIMESTAMPTOSTRING (QTT timestamp-to-string.json)', () => {
  it('formats in a zone, with zone names', () => {
    expect(call('FORMAT_TIMESTAMP', 1526075913000, 'yyyy-MM-dd HH:mm:ss zzz', 'America/Los_Angeles')).toBe('2018-05-11 14:58:33 PDT');
    expect(call('TIMESTAMPTOSTRING', 1526075913000, 'yyyy-MM-dd HH:mm:ss zzz', 'America/Los_Angeles')).toBe('2018-05-11 14:58:33 PDT');
    expect(call('TIMESTAMPTOSTRING', 1526075913000, 'yyyy-MM-dd HH:mm:ss zzz', 'Europe/London')).toBe('2018-05-11 22:58:33 BST');
    expect(call('FORMAT_TIMESTAMP', 1526075913000, 'yyyy-MM-dd HH:mm:ss')).toBe('2018-05-11 21:58:33');
    expect(call('FORMAT_TIMESTAMP', 1526075913000, 'z')).toBe('GMT');
    expect(call('FORMAT_TIMESTAMP', null, 'yyyy')).toBeNull();
  });
  it('prints every common pattern letter as java.time does', () => {
    const s = J.formatTimestamp(1526075913123, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX|EEE EEEE|MMM MMMM|a h K k|G|Q QQQ|D|zzzz|O OOOO|Z ZZZZ ZZZZZ|x|VV|SSSSSS|n", zoneOf('Asia/Kolkata'));
    expect(s).toBe('2018-05-12T03:28:33.123+05:30|Sat Saturday|May May|AM 3 3 3|AD|2 Q2|132|India Standard Time|GMT+5:30 GMT+05:30|+0530 GMT+05:30 +05:30|+0530|Asia/Kolkata|123000|123000000');
    expect(J.formatTimestamp(0, 'X x XX XXX', zoneOf('UTC'))).toBe('Z +00 Z Z');
    expect(J.formatTimestamp(0, 'X', zoneOf('+05:30'))).toBe('+0530');
    expect(J.formatTimestamp(0, 'X', zoneOf('-08:00'))).toBe('-08');
    expect(J.formatTimestamp(-62135596800001, 'yyyy G uuuu')).toBe('0001 BC 0000');
    expect(J.formatTimestamp(253402300800000, 'yyyy-MM-dd')).toBe('+10000-01-01');
    expect(J.formatTimestamp(0, 'yy y yyy')).toBe('70 1970 1970');
    expect(J.formatTimestamp(0, "''hh'' 'o''clock'")).toBe("'12' o'clock");
  });
  it('fails as Java does on bad patterns and zones', () => {
    expect(error(() => call('FORMAT_TIMESTAMP', 0, 'bb'))).toBe("Failed to format timestamp 1970-01-01 00:00:00.0 at timeZone 'GMT' with formatter 'bb': java.lang.IllegalArgumentException: Unknown pattern letter: b");
    expect(error(() => call('TIMESTAMPTOSTRING', 0, 'yyyy', 'PST'))).toContain('Unknown time-zone ID: PST');
    expect(error(() => call('TIMESTAMPTOSTRING', 0, 'yyyy', 'utc'))).toContain('Unknown time-zone ID: utc');
    expect(error(() => J.formatTimestamp(0, 'aa'))).toBe('Too many pattern letters: a');
    expect(error(() => J.formatTimestamp(0, "'open"))).toContain('incomplete string literal');
  });
  it('accepts offset and prefixed zone IDs', () => {
    expect(call('TIMESTAMPTOSTRING', 0, 'HH:mm VV', '+05:30')).toBe('05:30 +05:30');
    expect(call('TIMESTAMPTOSTRING', 0, 'HH:mm VV', 'UTC+01:00')).toBe('01:00 UTC+01:00');
    expect(call('TIMESTAMPTOSTRING', 0, 'HH:mm', 'GMT-5')).toBe('19:00');
  });
});

describe('FORMAT_DATE, DATETOSTRING (QTT format-date.json, datestring.json)', () => {
  const cases: [number, string, string][] = [
    [17662, 'yyyy-MM-dd', '2018-05-11'],
    [18027, 'dd/MM/yyyy', '11/05/2019'],
    [18993, 'dd-MMM-yyyy', '01-Jan-2022'],
    [0, 'dd-MM-yyyy', '01-01-1970'],
    [-1, "dd-MM-yyyy'Sophia'", '31-12-1969Sophia'],
  ];
  it('formats days since the epoch', () => {
    for (const [days, pattern, text] of cases) {
      expect(call('FORMAT_DATE', days, pattern)).toBe(text);
      expect(call('DATETOSTRING', days, pattern)).toBe(text);
    }
  });
  it('rejects time fields', () => {
    expect(error(() => call('FORMAT_DATE', 0, 'HH'))).toBe("Failed to format date 1970-01-01 with formatter 'HH': Unsupported field: HourOfDay");
  });
});

describe('FORMAT_TIME (QTT format-time.json)', () => {
  it('formats milliseconds since midnight', () => {
    expect(call('FORMAT_TIME', 65000, 'HH_mm_ss_SSS')).toBe('00_01_05_000');
    expect(call('FORMAT_TIME', 1234567, "HHmmss'AAAAA'")).toBe('002034AAAAA');
    expect(call('FORMAT_TIME', 0, 'HH:mm:ss')).toBe('00:00:00');
    expect(call('FORMAT_TIME', null, 'HH:mm:ss')).toBeNull();
    expect(call('FORMAT_TIME', 46800000, 'h a')).toBe('1 PM');
  });
  it('rejects date fields', () => {
    expect(error(() => call('FORMAT_TIME', 0, 'yyyy'))).toContain('Unsupported field: YearOfEra');
  });
});

describe('PARSE_DATE (QTT parse-date.json)', () => {
  it('parses SimpleDateFormat patterns, text in any case', () => {
    expect(call('PARSE_DATE', '2018-05-11Lit', "yyyy-MM-dd'Lit'")).toBe(17662);
    expect(call('PARSE_DATE', '11/05/2019', 'dd/MM/yyyy')).toBe(18027);
    expect(call('PARSE_DATE', '01-Jan-2022', 'dd-MMM-yyyy')).toBe(18993);
    expect(call('PARSE_DATE', '01-01-1970', 'dd-MM-yyyy')).toBe(0);
    expect(call('PARSE_DATE', '01-JAN-2022', 'dd-MMM-yyyy')).toBe(18993);
    expect(call('PARSE_DATE', 'JAN-2022', 'MMM-yyyy')).toBe(18993);
    expect(call('PARSE_DATE', 'January 5 2022', 'MMMM d yyyy')).toBe(18997);
    expect(call('PARSE_DATE', '20220105', 'yyyyMMdd')).toBe(18997);
  });
  it('rejects times of day and unparseable text', () => {
    expect(error(() => call('PARSE_DATE', '2022-01-05 10', 'yyyy-MM-dd HH'))).toContain('Date format contains time field.');
    expect(error(() => call('PARSE_DATE', 'foo', 'yyyyMMdd'))).toBe(`Failed to parse date 'foo' with formatter 'yyyyMMdd': Unparseable date: "foo"`);
  });
  it('propagates NULL', () => {
    expect(call('PARSE_DATE', null, 'yyyy')).toBeNull();
  });
});

describe('STRINGTODATE (QTT stringdate.json)', () => {
  it('parses java.time patterns case-insensitively', () => {
    expect(call('STRINGTODATE', '2018-05-11Lit', "yyyy-MM-dd'Lit'")).toBe(17662);
    expect(call('STRINGTODATE', '11/05/2019', 'dd/MM/yyyy')).toBe(18027);
    expect(call('STRINGTODATE', '01-Jan-2022', 'dd-MMM-yyyy')).toBe(18993);
    expect(call('STRINGTODATE', '01-01-1970', 'dd-MM-yyyy')).toBe(0);
    expect(call('STRINGTODATE', '2022-02-30', 'yyyy-MM-dd')).toBe(19051); // SMART: Feb 28
  });
  it('fails as LocalDate.parse does', () => {
    expect(error(() => call('STRINGTODATE', 'foo', 'yyyyMMdd'))).toBe("Failed to parse date 'foo' with formatter 'yyyyMMdd': Text 'foo' could not be parsed at index 0");
    expect(error(() => call('STRINGTODATE', '2022-01', 'yyyy-MM'))).toContain('Unable to obtain LocalDate');
    expect(error(() => call('STRINGTODATE', '2022-13-01', 'yyyy-MM-dd'))).toContain('Invalid value for MonthOfYear (valid values 1 - 12): 13');
  });
});

describe('PARSE_TIME (QTT parse-time.json)', () => {
  it('parses times, AM/PM in any case', () => {
    expect(call('PARSE_TIME', '00:01:05Lit', "HH:mm:ss'Lit'")).toBe(65000);
    expect(call('PARSE_TIME', '11/05/19', 'HH/mm/ss')).toBe(39919000);
    expect(call('PARSE_TIME', '01:00:00 PM', 'hh:mm:ss a')).toBe(46800000);
    expect(call('PARSE_TIME', '01:00:00 Pm', 'hh:mm:ss a')).toBe(46800000);
    expect(call('PARSE_TIME', '12:30:00.123', 'HH:mm:ss.SSS')).toBe(45000123);
  });
  it('rejects date fields and incomplete times', () => {
    expect(error(() => call('PARSE_TIME', '2020 10', 'yyyy HH'))).toContain('Time format contains date field.');
    expect(error(() => call('PARSE_TIME', '10', 'mm'))).toContain('Unable to obtain LocalTime');
  });
});

describe('PARSE_TIMESTAMP, STRINGTOTIMESTAMP (QTT stringtimestamp.json)', () => {
  it('parses with offsets, zone names and defaults', () => {
    const p = "yyyy-MM-dd'T'HH:mm:ssX";
    expect(call('STRINGTOTIMESTAMP', '2018-05-11T21:58:33Z', p)).toBe(1526075913000);
    expect(call('STRINGTOTIMESTAMP', '2019-05-11T21:58:33Z', p)).toBe(1557611913000);
    expect(call('STRINGTOTIMESTAMP', '2020-05-11T21:58:33z', p)).toBe(1589234313000);
    expect(call('PARSE_TIMESTAMP', '2018-05-11T21:58:33', "yyyy-MM-dd'T'HH:mm:ss")).toBe(1526075913000);
    // "PST" names Los Angeles, where May is daylight time.
    expect(call('PARSE_TIMESTAMP', '2018-05-11T21:58:33 PST', "yyyy-MM-dd'T'HH:mm:ss zzz")).toBe(1526101113000);
    expect(call('PARSE_TIMESTAMP', '2018-05-11 14:58:33', 'yyyy-MM-dd HH:mm:ss', 'America/Los_Angeles')).toBe(1526075913000);
    expect(call('STRINGTOTIMESTAMP', '2018-05-11 14:58:33', 'yyyy-MM-dd HH:mm:ss', 'America/Los_Angeles')).toBe(1526075913000);
  });
  it('fills missing fields from 1970-01-01T00:00', () => {
    expect(J.parseTimestamp('2018', 'yyyy')).toBe(Date.UTC(2018, 0, 1));
    expect(J.parseTimestamp('2018-05', 'yyyy-MM')).toBe(Date.UTC(2018, 4, 1));
    expect(J.parseTimestamp('05-11', 'MM-dd')).toBe(Date.UTC(1970, 4, 11));
    expect(J.parseTimestamp('10:30', 'HH:mm')).toBe(Date.UTC(1970, 0, 1, 10, 30));
    expect(J.parseTimestamp('20180511103000123', 'yyyyMMddHHmmssSSS')).toBe(Date.UTC(2018, 4, 11, 10, 30, 0, 123));
    expect(J.parseTimestamp('2018-05-11 10:00 +0530', 'yyyy-MM-dd HH:mm Z')).toBe(Date.UTC(2018, 4, 11, 4, 30));
    expect(J.parseTimestamp('2018-05-11 10:00 America/New_York', 'yyyy-MM-dd HH:mm VV')).toBe(Date.UTC(2018, 4, 11, 14, 0));
    expect(J.parseTimestamp('2018-05-11 GMT+08:00', 'yyyy-MM-dd O')).toBe(Date.UTC(2018, 4, 10, 16, 0));
  });
  it('resolves gaps and overlaps as ZonedDateTime does', () => {
    const la = zoneOf('America/Los_Angeles');
    expect(J.parseTimestamp('2018-03-11 02:30', 'yyyy-MM-dd HH:mm', la)).toBe(Date.UTC(2018, 2, 11, 10, 30));
    expect(J.parseTimestamp('2018-11-04 01:30 America/Los_Angeles', 'yyyy-MM-dd HH:mm VV')).toBe(Date.UTC(2018, 10, 4, 8, 30));
  });
  it('fails on text the pattern does not cover, or conflicting fields', () => {
    expect(error(() => call('PARSE_TIMESTAMP', '2018-05-11 x', 'yyyy-MM-dd'))).toBe("Failed to parse timestamp '2018-05-11 x' at timezone 'GMT' with formatter 'yyyy-MM-dd': Text '2018-05-11 x' could not be parsed, unparsed text found at index 10");
    expect(error(() => J.parseTimestamp('Mon 2018-05-11', 'EEE yyyy-MM-dd'))).toContain('Conflict found: Field DayOfWeek 5 differs from DayOfWeek 1 derived from 2018-05-11');
    expect(J.parseTimestamp('Fri 2018-05-11', 'EEE yyyy-MM-dd')).toBe(Date.UTC(2018, 4, 11));
  });
  it('requires signs only where java.time does', () => {
    expect(error(() => J.parseTimestamp('+2018', 'yyyy'))).toContain('could not be parsed at index 0');
    expect(J.parseTimestamp('+12018', 'yyyy')).toBe(Date.UTC(12018, 0, 1) );
    expect(error(() => J.parseTimestamp('12018', 'yyyy'))).toContain('could not be parsed');
  });
});

describe('CONVERT_TZ (QTT convert-tz.json)', () => {
  it('shifts by the difference of offsets at the instant', () => {
    expect(call('CONVERT_TZ', 100, '+0200', '+0500')).toBe(10800100);
    expect(call('CONVERT_TZ', 1589234313000, '+0200', '+0500')).toBe(1589245113000);
    expect(call('CONVERT_TZ', 100, 'America/Los_Angeles', 'America/New_York')).toBe(10800100);
    expect(call('CONVERT_TZ', 1589234313000, 'America/Los_Angeles', 'America/New_York')).toBe(1589245113000);
    expect(call('CONVERT_TZ', null, 'UTC', 'UTC')).toBeNull();
  });
  it('names a bad zone', () => {
    expect(error(() => call('CONVERT_TZ', 0, 'Mars/Olympus', 'UTC'))).toBe('Invalid time zone: Unknown time-zone ID: Mars/Olympus');
  });
});

describe('conversions (QTT unix-date, unix-timestamp, from-unixtime, from-days)', () => {
  it('maps between numbers and temporal values', () => {
    expect(call('UNIX_DATE', 10)).toBe(10);
    expect(call('UNIX_DATE', null)).toBeNull();
    expect(call('UNIX_TIMESTAMP', 1589234313000)).toBe(1589234313000);
    expect(call('FROM_UNIXTIME', 100)).toBe(100);
    expect(call('FROM_DAYS', -10)).toBe(-10);
    expect(call('FROM_DAYS', null)).toBeNull();
  });
  it('reads the clock without arguments, and is volatile', () => {
    expect(call('UNIX_TIMESTAMP') as number).toBeGreaterThan(1_600_000_000_000);
    expect(call('UNIX_DATE') as number).toBeGreaterThan(18_000);
    expect(fn('UNIX_TIMESTAMP').volatile).toBe(true);
    expect(fn('UNIX_DATE').volatile).toBe(true);
  });
});

describe('SqlTimeTypes text', () => {
  it('prints as TO_JSON_STRING needs (QTT to_json_string.json)', () => {
    expect(sqlTimeText(60220000)).toBe('16:43:40');
    expect(sqlTimeText(60180000)).toBe('16:43');
    expect(sqlDateText(1000)).toBe('1972-09-27');
    expect(sqlTimestampText(60220000000)).toBe('1971-11-28T23:46:40.000');
  });
});

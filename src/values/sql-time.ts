// ksqlDB's string forms of DATE, TIME and TIMESTAMP (SqlTimeTypes): what CAST and comparisons
// with string literals accept and produce. All in UTC, as ksqlDB formats them.
import { civilFromDays, daysFromCivil, monthLength, MS_PER_DAY } from '../types/civil-date.js';
import { formatIsoDate, pad, splitMillis } from './civil-time.js';

const TIME_PATTERN = 'HH:mm:ss.SSS';

/** PartialStringToTimestampParser.completeDate: `2020` → `2020-01-01`, `2020-05` → `2020-05-01`. */
export function completeDate(date: string): string {
  const parts = date.split('-');
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // Java's split drops trailing empties
  if (parts.length === 1) return `${date}-01-01`;
  if (parts.length === 2) return `${date}-01`;
  return date;
}

function completeTime(time: string): string {
  if (time.length >= TIME_PATTERN.length) return time;
  return time + TIME_PATTERN.slice(time.length).replace(/[a-zA-Z]/g, '0');
}

function timezoneOf(time: string): string {
  const plus = time.indexOf('+');
  if (plus >= 0) return time.slice(plus);
  const minus = time.indexOf('-');
  return minus >= 0 ? time.slice(minus) : '';
}

/** ZoneOffset.of: +h, +hh, +hh:mm, +hhmm, +hh:mm:ss, +hhmmss; returns milliseconds east of UTC. */
function parseOffset(tz: string): number {
  const t = tz.trim();
  if (t === '' || t === 'Z') return 0;
  const m = /^([+-])(\d{1,2})(?::?(\d{2})(?::?(\d{2}))?)?$/.exec(t);
  if (!m || (m[2].length === 1 && m[3] !== undefined)) throw new RangeError(`Invalid ID for ZoneOffset, invalid format: ${t}`);
  const h = Number(m[2]), mi = Number(m[3] ?? 0), s = Number(m[4] ?? 0);
  if (h > 18 || mi > 59 || s > 59 || (h === 18 && (mi > 0 || s > 0))) {
    throw new RangeError(`Zone offset not in valid range: ${t}`);
  }
  const ms = ((h * 60 + mi) * 60 + s) * 1000;
  return m[1] === '-' ? -ms : ms;
}

const DATE_TIME = /^(\d{4,9})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})$/;

/** Parses `yyyy-MM-dd'T'HH:mm:ss.SSS` with java.time's SMART resolving (day clamped to the month). */
function parseFullDateTime(text: string, offsetMs: number): number {
  const m = DATE_TIME.exec(text);
  if (!m) throw new RangeError(`Text '${text}' could not be parsed`);
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) {
    throw new RangeError(`Text '${text}' could not be parsed: field value out of range`);
  }
  const day = Math.min(d, monthLength(y, mo));
  return daysFromCivil(y, mo, day) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000 + ms - offsetMs;
}

const TS_HELP = "\nRequired format is: \"yyyy-MM-dd'T'HH:mm:ss.SSS\", with an optional numeric 4-digit timezone, "
  + "for example: '2020-05-26T23:59:58.000' or with tz: '2020-05-26T23:59:58.000+0200'. "
  + "A trailing 'Z' instead of tz indicates the zero UTC offset. Partials are also supported, for example \"2020-05-26\"";

/** SqlTimeTypes.parseTimestamp: full or partial ISO date-times, optional offset; epoch millis. */
export function parseTimestamp(text: string): number {
  let date: string, time: string, tz: string;
  const t = text.indexOf('T');
  if (t >= 0) {
    date = text.slice(0, t);
    const withTz = text.slice(t + 1);
    tz = timezoneOf(withTz);
    time = completeTime(withTz.slice(0, withTz.length - tz.length).replace(/Z$/, ''));
  } else {
    date = completeDate(text);
    time = completeTime('');
    tz = '';
  }
  try {
    return parseFullDateTime(`${date}T${time}`, parseOffset(tz));
  } catch (e) {
    throw new RangeError(`Failed to parse timestamp '${text}': ${(e as Error).message}${TS_HELP}`);
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** SqlTimeTypes.parseDate: `2020-05-26`, or partial `2020-05` / `2020`; days since the epoch. */
export function parseDate(text: string): number {
  const m = ISO_DATE.exec(completeDate(text));
  const fail = (): never => {
    throw new RangeError(`Failed to parse date '${text}': Text '${completeDate(text)}' could not be parsed`
      + "\nRequired format is: \"yyyy-MM-dd\", for example '2020-05-26'. Partials are also supported, for example '2020-05'");
  };
  if (!m) return fail();
  const [y, mo, d] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > monthLength(y, mo)) return fail();
  return daysFromCivil(y, mo, d);
}

const ISO_TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

/** SqlTimeTypes.parseTime (LocalTime.parse): `HH:mm[:ss[.fraction]]`; milliseconds of the day. */
export function parseTime(text: string): number {
  const m = ISO_TIME.exec(text);
  const fail = (): never => {
    throw new RangeError(`Failed to parse time '${text}': Text '${text}' could not be parsed`
      + "\nRequired format is: \"HH:mm:ss.SSS\", for example: '01:34:20.123' or '01:34:20'. Partials are also supported, for example '01:34'");
  };
  if (!m) return fail();
  const h = Number(m[1]), mi = Number(m[2]), s = Number(m[3] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return fail();
  const ms = m[4] === undefined ? 0 : Number(m[4].padEnd(3, '0').slice(0, 3));
  return ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

/** SqlTimeTypes.formatTimestamp: `yyyy-MM-dd'T'HH:mm:ss.SSS` in UTC. */
export function formatTimestamp(ms: number): string {
  const { days, msOfDay } = splitMillis(ms);
  const { year } = civilFromDays(days);
  const date = formatIsoDate(days);
  const datePart = year > 9999 ? date.slice(1) : date; // the pattern has no sign for big years
  return `${datePart}T${clock(msOfDay)}.${pad(msOfDay % 1000, 3)}`;
}

function clock(msOfDay: number): string {
  const secs = Math.floor(msOfDay / 1000);
  return `${pad(Math.floor(secs / 3600), 2)}:${pad(Math.floor(secs / 60) % 60, 2)}:${pad(secs % 60, 2)}`;
}

/** SqlTimeTypes.formatDate: LocalDate.toString. */
export function formatDate(days: number): string {
  return formatIsoDate(days);
}

/** SqlTimeTypes.formatTime: LocalTime.ofSecondOfDay(ms / 1000).toString(), e.g. `09:16` or `09:16:05`. */
export function formatTime(msOfDay: number): string {
  const secs = Math.trunc(msOfDay / 1000);
  const hm = `${pad(Math.floor(secs / 3600), 2)}:${pad(Math.floor(secs / 60) % 60, 2)}`;
  return secs % 60 === 0 ? hm : `${hm}:${pad(secs % 60, 2)}`;
}

/** java.sql.Timestamp.toString in UTC: `2022-04-28 21:44:47.943`, `... 00:00:00.0`. */
export function javaSqlTimestampString(ms: number): string {
  const { days, msOfDay } = splitMillis(ms);
  const frac = msOfDay % 1000;
  const fracText = frac === 0 ? '0' : pad(frac, 3).replace(/0+$/, '');
  return `${formatIsoDate(days)} ${clock(msOfDay)}.${fracText}`;
}

/** java.sql.Time.toString in UTC: `hh:mm:ss`. */
export function javaSqlTimeString(msOfDay: number): string {
  return clock(splitMillis(msOfDay).msOfDay);
}

/** TIMESTAMP → DATE and TIME (SqlTimeTypes.timestampToDate / timestampToTime). */
export function timestampToDate(ms: number): number { return splitMillis(ms).days; }
export function timestampToTime(ms: number): number { return splitMillis(ms).msOfDay; }

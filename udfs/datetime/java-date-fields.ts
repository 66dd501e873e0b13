// The date-time fields a java.time pattern reads and writes (ChronoField names, as they appear in
// Java's error messages), and the value a LocalDate, LocalTime or ZonedDateTime gives for each.
import { SqlError } from '../../src/types/sql-error.js';
import { civilFromDays, dayOfYear, floorDiv, floorMod, isoDayOfWeek, daysFromCivil, type Civil } from '../../src/types/civil-date.js';
import type { Zone } from './zone-id.js';

export type Field =
  | 'NanoOfSecond' | 'NanoOfDay' | 'MilliOfDay' | 'SecondOfMinute' | 'MinuteOfHour'
  | 'HourOfAmPm' | 'ClockHourOfAmPm' | 'HourOfDay' | 'ClockHourOfDay' | 'AmPmOfDay'
  | 'DayOfWeek' | 'DayOfMonth' | 'DayOfYear' | 'EpochDay' | 'MonthOfYear' | 'YearOfEra' | 'Year' | 'Era'
  | 'QuarterOfYear' | 'OffsetSeconds'
  // Week fields, by US rules (weeks start on Sunday, the first week has at least one day).
  | 'LocalizedDayOfWeek' | 'WeekOfMonth' | 'WeekOfWeekBasedYear' | 'WeekBasedYear' | 'AlignedWeekOfMonth';

/** Fields in java.time.temporal.ChronoField order, which is the order overrides apply in. */
export const CHRONO_ORDER: Field[] = [
  'NanoOfSecond', 'NanoOfDay', 'MilliOfDay', 'SecondOfMinute', 'MinuteOfHour', 'HourOfAmPm', 'ClockHourOfAmPm',
  'HourOfDay', 'ClockHourOfDay', 'AmPmOfDay', 'DayOfWeek', 'DayOfMonth', 'DayOfYear', 'EpochDay', 'MonthOfYear',
  'YearOfEra', 'Year', 'Era', 'OffsetSeconds',
];

export const TIME_FIELDS = new Set<Field>(['NanoOfSecond', 'NanoOfDay', 'MilliOfDay', 'SecondOfMinute', 'MinuteOfHour', 'HourOfAmPm', 'ClockHourOfAmPm', 'HourOfDay', 'ClockHourOfDay', 'AmPmOfDay']);

/** Valid values of each field (ChronoField.range), for parse-time validation. */
export const FIELD_RANGE: Partial<Record<Field, [number, number]>> = {
  NanoOfSecond: [0, 999_999_999], NanoOfDay: [0, 86_400 * 1e9 - 1], MilliOfDay: [0, 86_399_999],
  SecondOfMinute: [0, 59], MinuteOfHour: [0, 59], HourOfAmPm: [0, 11], ClockHourOfAmPm: [1, 12],
  HourOfDay: [0, 23], ClockHourOfDay: [1, 24], AmPmOfDay: [0, 1], DayOfWeek: [1, 7], DayOfMonth: [1, 31],
  DayOfYear: [1, 366], MonthOfYear: [1, 12], YearOfEra: [1, 1_000_000_000], Year: [-999_999_999, 999_999_999],
  Era: [0, 1], QuarterOfYear: [1, 4],
};

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export type TextStyle = 'SHORT' | 'FULL' | 'NARROW';

/** English texts (the JDK's CLDR data) of a text field, indexed by field value. */
export function textsOf(field: Field, style: TextStyle): Map<number, string> | undefined {
  const m = new Map<number, string>();
  const cut = (s: string): string => (style === 'FULL' ? s : style === 'SHORT' ? s.slice(0, 3) : s[0]);
  switch (field) {
    case 'MonthOfYear': MONTHS.forEach((n, i) => m.set(i + 1, cut(n))); return m;
    case 'DayOfWeek': DAYS.forEach((n, i) => m.set(i + 1, cut(n))); return m;
    case 'AmPmOfDay': m.set(0, style === 'NARROW' ? 'a' : 'AM'); m.set(1, style === 'NARROW' ? 'p' : 'PM'); return m;
    case 'Era':
      m.set(0, style === 'FULL' ? 'Before Christ' : style === 'SHORT' ? 'BC' : 'B');
      m.set(1, style === 'FULL' ? 'Anno Domini' : style === 'SHORT' ? 'AD' : 'A');
      return m;
    case 'QuarterOfYear':
      ['1st', '2nd', '3rd', '4th'].forEach((n, i) => m.set(i + 1, style === 'FULL' ? `${n} quarter` : style === 'SHORT' ? `Q${i + 1}` : String(i + 1)));
      return m;
    default:
      return undefined;
  }
}

/** A LocalDate, LocalTime, LocalDateTime or ZonedDateTime, read field by field. */
export interface Temporal {
  /** Days since the epoch, when the value has a date. */
  readonly epochDay?: number;
  /** Nanoseconds since midnight, when the value has a time. */
  readonly nanoOfDay?: number;
  readonly zone?: Zone;
  readonly offsetSeconds?: number;
  /** What Java prints for the value in error messages (its toString). */
  readonly display: string;
}

export class UnsupportedFieldError extends SqlError {
  constructor(field: Field | string) {
    super('EVALUATION_ERROR', `Unsupported field: ${field}`);
  }
}

const civilCache = new WeakMap<Temporal, Civil>();
function civil(t: Temporal): Civil {
  let c = civilCache.get(t);
  if (!c) {
    c = civilFromDays(t.epochDay!);
    civilCache.set(t, c);
  }
  return c;
}

/** The value of a field, or an UnsupportedFieldError as TemporalAccessor.getLong throws. */
export function getField(t: Temporal, field: Field): number {
  if (TIME_FIELDS.has(field)) {
    if (t.nanoOfDay === undefined) throw new UnsupportedFieldError(field);
    const nod = t.nanoOfDay;
    const hour = Math.floor(nod / 3.6e12);
    switch (field) {
      case 'NanoOfSecond': return nod % 1e9;
      case 'NanoOfDay': return nod;
      case 'MilliOfDay': return Math.floor(nod / 1e6);
      case 'SecondOfMinute': return Math.floor(nod / 1e9) % 60;
      case 'MinuteOfHour': return Math.floor(nod / 6e10) % 60;
      case 'HourOfDay': return hour;
      case 'ClockHourOfDay': return hour === 0 ? 24 : hour;
      case 'HourOfAmPm': return hour % 12;
      case 'ClockHourOfAmPm': return hour % 12 === 0 ? 12 : hour % 12;
      case 'AmPmOfDay': return hour < 12 ? 0 : 1;
    }
  }
  if (field === 'OffsetSeconds') {
    if (t.offsetSeconds === undefined) throw new UnsupportedFieldError(field);
    return t.offsetSeconds;
  }
  if (t.epochDay === undefined) throw new UnsupportedFieldError(field);
  const c = civil(t);
  switch (field) {
    case 'DayOfWeek': return isoDayOfWeek(t.epochDay);
    case 'DayOfMonth': return c.day;
    case 'DayOfYear': return dayOfYear(c);
    case 'EpochDay': return t.epochDay;
    case 'MonthOfYear': return c.month;
    case 'Year': return c.year;
    case 'YearOfEra': return c.year >= 1 ? c.year : 1 - c.year;
    case 'Era': return c.year >= 1 ? 1 : 0;
    case 'QuarterOfYear': return Math.floor((c.month - 1) / 3) + 1;
    case 'LocalizedDayOfWeek': return floorMod(isoDayOfWeek(t.epochDay), 7) + 1;
    case 'AlignedWeekOfMonth': return Math.floor((c.day - 1) / 7) + 1;
    case 'WeekOfMonth': return usWeekOf(t.epochDay, daysFromCivil(c.year, c.month, 1));
    case 'WeekOfWeekBasedYear': return usWeekOfWeekYear(t.epochDay).week;
    case 'WeekBasedYear': return usWeekOfWeekYear(t.epochDay).year;
  }
  throw new UnsupportedFieldError(field);
}

/** Sunday-start week number of `day` within the period starting `start` (week 1 holds `start`). */
function usWeekOf(day: number, start: number): number {
  const startDow = floorMod(isoDayOfWeek(start), 7); // Sunday = 0
  return floorDiv(day - start + startDow, 7) + 1;
}

function usWeekOfWeekYear(day: number): { year: number; week: number } {
  const { year } = civilFromDays(day);
  const next = daysFromCivil(year + 1, 1, 1);
  // The week holding January 1st is week 1 of the following year.
  if (usWeekOf(day, next) >= 1) return { year: year + 1, week: 1 };
  return { year, week: usWeekOf(day, daysFromCivil(year, 1, 1)) };
}

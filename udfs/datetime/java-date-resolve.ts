// Turns parsed fields into a date, a time and an instant as java.time's Parsed.resolve does in
// its default SMART style: year-of-era becomes year, 'h' + 'a' become hour-of-day, an invalid
// day-of-month is clamped to the month's end, and fields that contradict the date fail.
import { SqlError } from '../../src/types/sql-error.js';
import { civilFromDays, daysFromCivil, isLeapYear, isoDayOfWeek, monthLength } from '../../src/types/civil-date.js';
import { FIELD_RANGE, TIME_FIELDS, getField, type Field } from './java-date-fields.js';
import type { Parsed } from './java-date-parse-context.js';
import { isoDate, isoTime } from './iso-text.js';
import type { Zone } from './zone-id.js';

export interface Resolved {
  epochDay?: number;
  nanoOfDay?: number;
  /** Fields that did not combine into a date or a time (e.g. a month without a year). */
  rest: Map<Field, number>;
  zone?: Zone;
  offsetSeconds?: number;
}

const fail = (message: string): SqlError => new SqlError('EVALUATION_ERROR', message);

export function resolve(parsed: Parsed): Resolved {
  const f = new Map(parsed.fields);
  const offsetSeconds = f.get('OffsetSeconds');
  f.delete('OffsetSeconds');
  for (const [field, value] of f) {
    const range = FIELD_RANGE[field];
    // ClockHourOfDay 24 and ClockHourOfAmPm... are checked below; 0 for clock hours is SMART-lenient.
    if (range && (value < range[0] || value > range[1]) && !(field === 'ClockHourOfDay' && value === 0)) {
      throw fail(`Invalid value for ${field} (valid values ${range[0]} - ${range[1]}): ${value}`);
    }
  }
  const take = (field: Field): number | undefined => {
    const v = f.get(field);
    f.delete(field);
    return v;
  };
  const put = (field: Field, value: number): void => {
    const old = f.get(field);
    if (old !== undefined && old !== value) {
      throw fail(`Conflict found: ${field} ${old} differs from ${field} ${value} while resolving`);
    }
    f.set(field, value);
  };

  // Year-of-era and era make a proleptic year; a year-of-era alone is taken as AD.
  const yoe = take('YearOfEra');
  if (yoe !== undefined) {
    const era = take('Era');
    put('Year', era === 0 ? 1 - yoe : yoe);
  }

  let epochDay: number | undefined;
  const year = f.get('Year');
  if (f.has('EpochDay')) {
    epochDay = take('EpochDay');
  } else if (year !== undefined && f.has('MonthOfYear') && f.has('DayOfMonth')) {
    const month = take('MonthOfYear')!;
    let day = take('DayOfMonth')!;
    take('Year');
    day = Math.min(day, monthLength(year, month));
    epochDay = daysFromCivil(year, month, day);
  } else if (year !== undefined && f.has('DayOfYear')) {
    const doy = take('DayOfYear')!;
    take('Year');
    if (doy === 366 && !isLeapYear(year)) throw fail(`Invalid date 'DayOfYear 366' as '${year}' is not a leap year`);
    epochDay = daysFromCivil(year, 1, 1) + doy - 1;
  }

  // Clock hours and AM/PM become hour-of-day.
  const ch = take('ClockHourOfDay');
  if (ch !== undefined) put('HourOfDay', ch === 24 ? 0 : ch);
  const cap = take('ClockHourOfAmPm');
  if (cap !== undefined) put('HourOfAmPm', cap === 12 ? 0 : cap);
  if (f.has('AmPmOfDay') && f.has('HourOfAmPm')) {
    put('HourOfDay', take('AmPmOfDay')! * 12 + take('HourOfAmPm')!);
  }
  const nod = take('NanoOfDay');
  if (nod !== undefined) {
    put('HourOfDay', Math.floor(nod / 3.6e12));
    put('MinuteOfHour', Math.floor(nod / 6e10) % 60);
    put('SecondOfMinute', Math.floor(nod / 1e9) % 60);
    put('NanoOfSecond', nod % 1e9);
  }
  const mod = take('MilliOfDay');
  if (mod !== undefined) {
    put('HourOfDay', Math.floor(mod / 3_600_000));
    put('MinuteOfHour', Math.floor(mod / 60_000) % 60);
    put('SecondOfMinute', Math.floor(mod / 1000) % 60);
    put('NanoOfSecond', (mod % 1000) * 1e6);
  }

  let nanoOfDay: number | undefined;
  const hod = f.get('HourOfDay');
  if (hod !== undefined) {
    const moh = f.get('MinuteOfHour'), som = f.get('SecondOfMinute'), nos = f.get('NanoOfSecond');
    // A time can be defaulted leniently only from a prefix: hour, hour-minute, hour-minute-second.
    const invalid = (moh === undefined && (som !== undefined || nos !== undefined)) ||
      (moh !== undefined && som === undefined && nos !== undefined);
    if (!invalid) {
      for (const field of ['HourOfDay', 'MinuteOfHour', 'SecondOfMinute', 'NanoOfSecond'] as Field[]) f.delete(field);
      nanoOfDay = ((hod * 60 + (moh ?? 0)) * 60 + (som ?? 0)) * 1e9 + (nos ?? 0);
    }
  }

  // Whatever remains must agree with the date and time it is derived from.
  const derived = { epochDay, nanoOfDay, display: '' };
  for (const [field, value] of [...f]) {
    const fromTime = TIME_FIELDS.has(field);
    if ((fromTime && nanoOfDay === undefined) || (!fromTime && epochDay === undefined)) continue;
    const actual = getField(derived, field);
    if (actual !== value) {
      const from = fromTime ? isoTime(nanoOfDay!) : isoDate(epochDay!);
      throw fail(`Conflict found: Field ${field} ${actual} differs from ${field} ${value} derived from ${from}`);
    }
    f.delete(field);
  }
  return { epochDay, nanoOfDay, rest: f, zone: parsed.zone, offsetSeconds };
}

/** Applies a field to a date as LocalDate.with(field, value) does. */
export function withDateField(epochDay: number, field: Field, value: number): number {
  const c = civilFromDays(epochDay);
  switch (field) {
    case 'DayOfWeek': return epochDay + value - isoDayOfWeek(epochDay);
    case 'DayOfMonth':
      if (value > monthLength(c.year, c.month)) throw fail(`Invalid date '${monthName(c.month)} ${value}'`);
      return daysFromCivil(c.year, c.month, value);
    case 'DayOfYear':
      if (value === 366 && !isLeapYear(c.year)) throw fail(`Invalid date 'DayOfYear 366' as '${c.year}' is not a leap year`);
      return daysFromCivil(c.year, 1, 1) + value - 1;
    case 'EpochDay': return value;
    case 'MonthOfYear': return daysFromCivil(c.year, value, Math.min(c.day, monthLength(c.year, value)));
    case 'Year': return daysFromCivil(value, c.month, Math.min(c.day, monthLength(value, c.month)));
    case 'YearOfEra': {
      const y = c.year >= 1 ? value : 1 - value;
      return daysFromCivil(y, c.month, Math.min(c.day, monthLength(y, c.month)));
    }
    case 'Era': {
      const era = c.year >= 1 ? 1 : 0;
      if (era === value) return epochDay;
      const y = 1 - c.year;
      return daysFromCivil(y, c.month, Math.min(c.day, monthLength(y, c.month)));
    }
    default:
      return epochDay;
  }
}

/** Applies a field to a time of day as LocalTime.with(field, value) does. */
export function withTimeField(nanoOfDay: number, field: Field, value: number): number {
  const h = Math.floor(nanoOfDay / 3.6e12), m = Math.floor(nanoOfDay / 6e10) % 60;
  const s = Math.floor(nanoOfDay / 1e9) % 60, n = nanoOfDay % 1e9;
  const make = (hh: number, mm: number, ss: number, nn: number): number => ((hh * 60 + mm) * 60 + ss) * 1e9 + nn;
  switch (field) {
    case 'NanoOfSecond': return make(h, m, s, value);
    case 'NanoOfDay': return value;
    case 'MilliOfDay': return value * 1e6;
    case 'SecondOfMinute': return make(h, m, value, n);
    case 'MinuteOfHour': return make(h, value, s, n);
    case 'HourOfDay': return make(value, m, s, n);
    case 'ClockHourOfDay': return make(value === 24 ? 0 : value, m, s, n);
    case 'HourOfAmPm': return make((h >= 12 ? 12 : 0) + value, m, s, n);
    case 'ClockHourOfAmPm': return make((h >= 12 ? 12 : 0) + (value === 12 ? 0 : value), m, s, n);
    case 'AmPmOfDay': return make((h % 12) + value * 12, m, s, n);
    default: return nanoOfDay;
  }
}

function monthName(month: number): string {
  return ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'][month - 1];
}

// Java date-time patterns (java.time.format.DateTimeFormatter) for Eddy: the date/time functions
// and a source's TIMESTAMP_FORMAT format and parse through here. Patterns compile once and are
// cached. Errors are SqlErrors whose messages follow Java's ("Text '...' could not be parsed at
// index 4"), so the functions can wrap them as ksqlDB does.
import { SqlError } from '../../src/types/sql-error.js';
import { floorDiv, floorMod, MS_PER_DAY } from '../../src/types/civil-date.js';
import type { Element } from './java-date-elements.js';
import { CHRONO_ORDER, TIME_FIELDS, type Temporal } from './java-date-fields.js';
import { ParseContext } from './java-date-parse-context.js';
import { compilePattern } from './java-date-pattern.js';
import { resolve, withDateField, withTimeField, type Resolved } from './java-date-resolve.js';
import { isoDate, isoTime } from './iso-text.js';
import { localToInstant, offsetAt, offsetId, UTC_ZONE, zoneOf, type Zone } from './zone-id.js';

export type { Zone } from './zone-id.js';
export { zoneOf, UTC_ZONE } from './zone-id.js';

const MAX_CACHED = 1000;
const compiled = new Map<string, Element[]>();

/** The compiled elements of a pattern; throws on an invalid pattern (IllegalArgumentException). */
export function compileJavaPattern(pattern: string): Element[] {
  let elements = compiled.get(pattern);
  if (!elements) {
    elements = compilePattern(pattern);
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(pattern, elements);
  }
  return elements;
}

function print(elements: Element[], t: Temporal): string {
  const out: string[] = [];
  for (const e of elements) e.format(t, out);
  return out.join('');
}

/** Formats an instant at a zone (ZonedDateTime.format). */
export function formatTimestamp(epochMs: number, pattern: string, zone: Zone | string = UTC_ZONE): string {
  const elements = compileJavaPattern(pattern);
  const z = typeof zone === 'string' ? zoneOf(zone) : zone;
  const offsetMs = offsetAt(z, epochMs);
  const local = epochMs + offsetMs;
  const epochDay = floorDiv(local, MS_PER_DAY);
  const nanoOfDay = floorMod(local, MS_PER_DAY) * 1e6;
  const offsetSeconds = Math.round(offsetMs / 1000);
  const display = `${isoDate(epochDay)}T${isoTime(nanoOfDay)}${offsetId(offsetSeconds)}` + (z.fixedSeconds === undefined ? `[${z.id}]` : '');
  return print(elements, { epochDay, nanoOfDay, zone: z, offsetSeconds, display });
}

/** Formats a DATE (days since the epoch) as LocalDate.format: time fields are unsupported. */
export function formatDate(epochDay: number, pattern: string): string {
  return print(compileJavaPattern(pattern), { epochDay, display: isoDate(epochDay) });
}

/** Formats a TIME (milliseconds since midnight) as LocalTime.format: date fields are unsupported. */
export function formatTime(msOfDay: number, pattern: string): string {
  const nanoOfDay = msOfDay * 1e6;
  return print(compileJavaPattern(pattern), { nanoOfDay, display: isoTime(nanoOfDay) });
}

const parseError = (text: string, detail: string): SqlError =>
  new SqlError('EVALUATION_ERROR', `Text '${text}' could not be parsed${detail}`);

/** DateTimeFormatter.parse: every character must be consumed; then SMART resolution. */
export function parseFields(text: string, pattern: string, caseInsensitive: boolean): Resolved {
  const elements = compileJavaPattern(pattern);
  const ctx = new ParseContext(caseInsensitive);
  let pos = 0;
  for (const e of elements) {
    pos = e.parse(ctx, text, pos);
    if (pos < 0) throw parseError(text, ` at index ${~pos}`);
  }
  if (pos < text.length) throw parseError(text, `, unparsed text found at index ${pos}`);
  try {
    return resolve(ctx.parsed);
  } catch (e) {
    if (e instanceof SqlError) throw parseError(text, `: ${e.message}`);
    throw e;
  }
}

/** LocalDate.parse(text, formatter): days since the epoch. */
export function parseLocalDate(text: string, pattern: string, caseInsensitive = true): number {
  const r = parseFields(text, pattern, caseInsensitive);
  if (r.epochDay === undefined) {
    throw parseError(text, `: Unable to obtain LocalDate from TemporalAccessor: ${describe(r)}`);
  }
  return r.epochDay;
}

/** A time of day (ms) as ksqlDB's PARSE_TIME reads it: date fields are rejected. */
export function parseLocalTime(text: string, pattern: string, caseInsensitive = true): number {
  const r = parseFields(text, pattern, caseInsensitive);
  if (r.epochDay !== undefined || [...r.rest.keys()].some((f) => !TIME_FIELDS.has(f))) {
    throw new SqlError('EVALUATION_ERROR', 'Time format contains date field.');
  }
  if (r.nanoOfDay === undefined) {
    throw new SqlError('EVALUATION_ERROR', `Unable to obtain LocalTime from TemporalAccessor: ${describe(r)}`);
  }
  return Math.floor(r.nanoOfDay / 1e6);
}

/**
 * ksqlDB's StringToTimestampParser: parse case-insensitively, then start from 1970-01-01T00:00 in
 * the parsed zone (or `defaultZone`) and override it with every parsed field. Missing date parts
 * default to the epoch's, missing time parts to midnight.
 */
export function parseTimestamp(text: string, pattern: string, defaultZone: Zone | string = UTC_ZONE): number {
  const r = parseFields(text, pattern, true);
  const zone = r.zone ?? (r.offsetSeconds !== undefined ? zoneOf(offsetId(r.offsetSeconds)) : typeof defaultZone === 'string' ? zoneOf(defaultZone) : defaultZone);
  const nano = r.nanoOfDay ?? 0;
  if (r.epochDay !== undefined && r.nanoOfDay !== undefined && (r.offsetSeconds !== undefined || r.zone)) {
    const local = r.epochDay * MS_PER_DAY + Math.floor(nano / 1e6);
    if (r.offsetSeconds !== undefined) return local - r.offsetSeconds * 1000;
    return localToInstant(r.zone!, local);
  }
  let epochDay = r.epochDay ?? 0;
  let nanoOfDay = r.nanoOfDay ?? 0;
  const rest = r.rest;
  if (rest.get('DayOfYear') === 366) {
    if (!rest.has('Year')) throw new SqlError('EVALUATION_ERROR', 'Leap day cannot be parsed without supplying the year field');
    epochDay = withDateField(epochDay, 'Year', rest.get('Year')!);
  }
  for (const field of CHRONO_ORDER) {
    const v = rest.get(field);
    if (v === undefined) continue;
    if (TIME_FIELDS.has(field)) nanoOfDay = withTimeField(nanoOfDay, field, v);
    else epochDay = withDateField(epochDay, field, v);
  }
  const local = epochDay * MS_PER_DAY + Math.floor(nanoOfDay / 1e6);
  return localToInstant(zone, local, offsetAt(zone, 0));
}

function describe(r: Resolved): string {
  const parts = [...r.rest].map(([k, v]) => `${k}=${v}`);
  const shown = [parts.length ? `{${parts.join(', ')}}` : '{}', 'ISO'];
  if (r.zone) shown.push(r.zone.id);
  if (r.epochDay !== undefined) shown.push(isoDate(r.epochDay));
  if (r.nanoOfDay !== undefined) shown.push(isoTime(r.nanoOfDay));
  return shown.join(',') + ' of type java.time.format.Parsed';
}

// Time zones as java.time's ZoneId.of reads them: fixed offsets ("Z", "+05:30", "UTC+1") or
// tz database region IDs ("America/Los_Angeles", "UTC"). Region offsets come from Intl, cached
// per zone. Case matters, as in Java: "utc" and "PST" are not zone IDs.
import { SqlError } from '../../src/types/sql-error.js';
import { daysFromCivil, MS_PER_DAY } from '../../src/types/civil-date.js';

export interface Zone {
  /** The ID as Java prints it (ZoneId.getId()): "Z", "+05:30", "UTC+01:00", "Europe/London". */
  readonly id: string;
  /** Seconds east of UTC for a fixed-offset zone. */
  readonly fixedSeconds?: number;
  /** The Intl time zone name of a region zone. */
  readonly iana?: string;
}

export const UTC_ZONE: Zone = { id: 'UTC', iana: 'UTC' };

const cache = new Map<string, Zone>();

/** ZoneId.of(id); throws a SqlError naming the bad ID. */
export function zoneOf(id: string): Zone {
  let z = cache.get(id);
  if (!z) {
    z = parseZone(id);
    cache.set(id, z);
  }
  return z;
}

function parseZone(id: string): Zone {
  if (id === 'Z') return { id: 'Z', fixedSeconds: 0 };
  if (id.startsWith('+') || id.startsWith('-')) {
    const s = parseOffsetId(id);
    return { id: offsetId(s), fixedSeconds: s };
  }
  for (const prefix of ['UTC', 'GMT', 'UT']) {
    if (id.startsWith(prefix) && (id[prefix.length] === '+' || id[prefix.length] === '-')) {
      const s = parseOffsetId(id.slice(prefix.length));
      return s === 0 ? { id: prefix, iana: 'UTC' } : { id: prefix + offsetId(s), fixedSeconds: s };
    }
  }
  if (id === 'UTC' || id === 'GMT' || id === 'UT') return { id, iana: 'UTC' };
  if (!/^[A-Za-z][A-Za-z0-9~/._+-]+$/.test(id) || NOT_JAVA_IDS.has(id)) throw unknownZone(id);
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone;
  } catch {
    throw unknownZone(id);
  }
  // Intl ignores case ("america/new_york"); Java does not.
  if (!isCanonicalCase(id, resolved)) throw unknownZone(id);
  return { id, iana: id };
}

// ICU accepts these legacy abbreviations; the tz database (and so Java) does not.
const NOT_JAVA_IDS = new Set(['PST', 'PDT', 'MDT', 'CST', 'CDT', 'EDT', 'AST', 'BST', 'IST', 'JST', 'AET', 'ACT', 'AGT', 'ART', 'BET', 'CAT', 'CNT', 'CTT', 'EAT', 'ECT', 'IET', 'MIT', 'NET', 'NST', 'PLT', 'PNT', 'PRT', 'SST', 'VST']);

function isCanonicalCase(id: string, resolved: string): boolean {
  if (id === resolved) return true;
  const known = knownIds();
  if (known.has(id)) return true;
  if (known.has(id.toLowerCase())) return false;
  // An alias ICU canonicalizes ("US/Pacific"): accept it when each segment starts upper-case.
  return id.split('/').every((seg) => /^[A-Z]/.test(seg) || /^[0-9]/.test(seg));
}

let known: Set<string> | undefined;
function knownIds(): Set<string> {
  if (!known) {
    known = new Set<string>();
    for (const z of Intl.supportedValuesOf('timeZone')) known.add(z);
    // Lower-cased forms mark IDs whose only valid spelling is the listed one.
    for (const z of [...known]) if (z.toLowerCase() !== z) known.add(z.toLowerCase());
  }
  return known;
}

function unknownZone(id: string): SqlError {
  return new SqlError('EVALUATION_ERROR', `Unknown time-zone ID: ${id}`);
}

/** ZoneOffset.of: ±h, ±hh, ±hh:mm, ±hhmm, ±hh:mm:ss, ±hhmmss; within ±18:00. */
export function parseOffsetId(text: string): number {
  const m = /^([+-])(\d{1,2})$/.exec(text) ?? /^([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text) ??
    /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(text);
  if (!m) throw new SqlError('EVALUATION_ERROR', `Invalid ID for ZoneOffset, invalid format: ${text}`);
  const h = +m[2], mi = +(m[3] ?? 0), s = +(m[4] ?? 0);
  if (h > 18 || mi > 59 || s > 59 || (h === 18 && (mi > 0 || s > 0))) {
    throw new SqlError('EVALUATION_ERROR', 'Zone offset not in valid range: -18:00 to +18:00');
  }
  const total = h * 3600 + mi * 60 + s;
  return m[1] === '-' ? -total : total;
}

/** ZoneOffset.getId(): "Z", "+05:30", "-08:00", "+01:02:03". */
export function offsetId(seconds: number): string {
  if (seconds === 0) return 'Z';
  const a = Math.abs(seconds);
  const hh = String(Math.floor(a / 3600)).padStart(2, '0');
  const mm = String(Math.floor(a / 60) % 60).padStart(2, '0');
  const ss = a % 60;
  return (seconds < 0 ? '-' : '+') + hh + ':' + mm + (ss ? ':' + String(ss).padStart(2, '0') : '');
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(iana: string): Intl.DateTimeFormat {
  let f = partsFormats.get(iana);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: iana, hourCycle: 'h23', era: 'short',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    partsFormats.set(iana, f);
  }
  return f;
}

const MAX_DATE_MS = 8.64e15;

/** Offset from UTC, in milliseconds, in force in the zone at an instant. */
export function offsetAt(zone: Zone, epochMs: number): number {
  if (zone.fixedSeconds !== undefined) return zone.fixedSeconds * 1000;
  if (zone.iana === 'UTC') return 0;
  // Beyond the JS Date range, use the offset in force at its edge.
  const t = Math.min(Math.max(epochMs, -MAX_DATE_MS + 86_400_000), MAX_DATE_MS - 86_400_000);
  const secondMs = Math.floor(t / 1000) * 1000;
  const p: Record<string, string> = {};
  for (const part of partsFormat(zone.iana!).formatToParts(new Date(secondMs))) p[part.type] = part.value;
  let year = +p.year;
  if (p.era === 'BC' || p.era === 'B') year = 1 - year;
  const local = daysFromCivil(year, +p.month, +p.day) * MS_PER_DAY + ((+p.hour * 60 + +p.minute) * 60 + +p.second) * 1000;
  return local - secondMs;
}

/**
 * The instant of a local date-time (epoch ms as if in UTC) in a zone. In a gap the time moves
 * forward by the gap's length; in an overlap the `preferred` offset wins when valid, else the
 * earlier one (ZonedDateTime.ofLocal).
 */
export function localToInstant(zone: Zone, localMs: number, preferredOffsetMs?: number): number {
  if (zone.fixedSeconds !== undefined) return localMs - zone.fixedSeconds * 1000;
  const before = offsetAt(zone, localMs - 86_400_000);
  const after = offsetAt(zone, localMs + 86_400_000);
  const valid = [before, after].filter((o, i, a) => a.indexOf(o) === i && offsetAt(zone, localMs - o) === o);
  if (valid.length === 0) {
    // A gap: fall back to the offset before it (e.g. 02:30 in a spring-forward gap gives 03:30).
    return localMs - before;
  }
  if (valid.length === 1) return localMs - valid[0];
  if (preferredOffsetMs !== undefined && valid.includes(preferredOffsetMs)) return localMs - preferredOffsetMs;
  return localMs - Math.max(...valid);
}

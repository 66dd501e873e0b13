// Parsing with java.text.SimpleDateFormat patterns as commons-lang3's FastDateParser does (ksqlDB's
// PARSE_DATE uses it, in GMT): text fields match any case and either the full or short name, a
// number is greedy unless another number follows it directly, missing fields default to
// 1970-01-01 00:00:00.000, out-of-range values roll over (a lenient Calendar), and text after the
// pattern is ignored.
import { SqlError } from '../../src/types/sql-error.js';
import { daysFromCivil, MS_PER_DAY } from '../../src/types/civil-date.js';
import { DAYS, MONTHS } from './java-date-fields.js';
import { offsetAt, parseOffsetId } from './zone-id.js';
import { matchZoneName } from './zone-names.js';

type Strategy =
  | { kind: 'literal'; text: string }
  | { kind: 'number'; letter: string; width: number }
  | { kind: 'text'; letter: string }
  | { kind: 'zone'; letter: string };

const bad = (message: string): SqlError => new SqlError('EVALUATION_ERROR', message);

const NUMBER_LETTERS = 'yYdDFwWuHkKhmsS';
const cache = new Map<string, Strategy[]>();

function compile(pattern: string): Strategy[] {
  let s = cache.get(pattern);
  if (s) return s;
  s = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (j < pattern.length && pattern[j] === c) j++;
      const width = j - i;
      i = j - 1;
      if (c === 'M' || c === 'L') s.push(width >= 3 ? { kind: 'text', letter: c } : { kind: 'number', letter: c, width });
      else if (c === 'E' || c === 'a' || c === 'G') s.push({ kind: 'text', letter: c });
      else if (c === 'z' || c === 'Z' || c === 'X') s.push({ kind: 'zone', letter: c });
      else if (NUMBER_LETTERS.includes(c)) s.push({ kind: 'number', letter: c, width });
      else throw bad(`Illegal pattern component: ${pattern.slice(i - width + 1, i + 1)}`);
    } else if (c === "'") {
      let text = '';
      let j = i + 1;
      for (; j < pattern.length; j++) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") { text += "'"; j++; } else break;
        } else text += pattern[j];
      }
      if (j >= pattern.length) throw bad(`Unterminated quote`);
      s.push({ kind: 'literal', text: j === i + 1 ? "'" : text });
      i = j;
    } else {
      s.push({ kind: 'literal', text: c });
    }
  }
  if (cache.size >= 1000) cache.clear();
  cache.set(pattern, s);
  return s;
}

interface CalendarFields {
  era?: number; year?: number; month?: number; day?: number; dayOfYear?: number;
  hourOfDay?: number; hour?: number; ampm?: number; minute?: number; second?: number; milli?: number;
  offsetMs?: number;
}

const TEXTS: Record<string, [string, number][]> = {
  M: MONTHS.flatMap((m, i) => [[m, i + 1], [m.slice(0, 3), i + 1]] as [string, number][]),
  E: DAYS.flatMap((d, i) => [[d, i + 1], [d.slice(0, 3), i + 1]] as [string, number][]),
  a: [['AM', 0], ['PM', 1]],
  G: [['AD', 1], ['BC', 0]],
};
TEXTS.L = TEXTS.M;
for (const k of Object.keys(TEXTS)) TEXTS[k].sort((a, b) => b[0].length - a[0].length);

/** Epoch milliseconds of `text` read with a SimpleDateFormat pattern, in GMT. */
export function parseSimpleDate(text: string, pattern: string): number {
  const strategies = compile(pattern);
  const f: CalendarFields = {};
  let pos = 0;
  const unparseable = (): SqlError => bad(`Unparseable date: "${text}"`);
  for (let i = 0; i < strategies.length; i++) {
    const st = strategies[i];
    if (st.kind === 'literal') {
      if (!text.startsWith(st.text, pos)) throw unparseable();
      pos += st.text.length;
    } else if (st.kind === 'number') {
      const next = strategies[i + 1];
      const maxWidth = next && next.kind === 'number' ? st.width : 0;
      let p = pos;
      if (maxWidth === 0) while (p < text.length && /\s/.test(text[p])) p++;
      const start = p;
      const end = maxWidth === 0 ? text.length : Math.min(text.length, p + maxWidth);
      while (p < end && text[p] >= '0' && text[p] <= '9') p++;
      if (p === start) throw unparseable();
      setNumber(f, st.letter, Number(text.slice(start, p)), p - start);
      pos = p;
    } else if (st.kind === 'text') {
      const upper = text.slice(pos).toUpperCase();
      const hit = TEXTS[st.letter].find(([name]) => upper.startsWith(name.toUpperCase()));
      if (!hit) throw unparseable();
      if (st.letter === 'M' || st.letter === 'L') f.month = hit[1];
      else if (st.letter === 'a') f.ampm = hit[1];
      else if (st.letter === 'G') f.era = hit[1];
      pos += hit[0].length;
    } else {
      pos = parseZone(text, pos, f, unparseable);
    }
  }
  return toEpochMs(f);
}

function setNumber(f: CalendarFields, letter: string, v: number, digits: number): void {
  switch (letter) {
    case 'y': case 'Y':
      // Two digits pick the century that puts the year within 80 years before and 20 after now.
      f.year = digits === 2 ? adjustTwoDigitYear(v) : v;
      break;
    case 'M': case 'L': f.month = v; break;
    case 'd': f.day = v; break;
    case 'D': f.dayOfYear = v; break;
    case 'H': f.hourOfDay = v; break;
    case 'k': f.hourOfDay = v === 24 ? 0 : v; break;
    case 'K': f.hour = v; break;
    case 'h': f.hour = v === 12 ? 0 : v; break;
    case 'm': f.minute = v; break;
    case 's': f.second = v; break;
    case 'S': f.milli = v; break;
    default: break; // week and day-of-week numbers do not change the date a Calendar resolves
  }
}

function adjustTwoDigitYear(v: number): number {
  const start = new Date().getUTCFullYear() - 80;
  const century = Math.floor(start / 100) * 100;
  const trial = century + v;
  return v >= start % 100 ? trial : trial + 100;
}

function parseZone(text: string, pos: number, f: CalendarFields, unparseable: () => SqlError): number {
  const rest = text.slice(pos);
  if (/^Z/i.test(rest) && !/^Z[a-z]/i.test(rest)) { f.offsetMs = 0; return pos + 1; }
  const gmt = /^(?:GMT|UTC)([+-]\d{1,2}(?::?\d{2})?)?/i.exec(rest);
  const off = gmt ? gmt[1] : /^[+-]\d{2}(?::?\d{2})?/.exec(rest)?.[0];
  if (gmt || off) {
    try {
      f.offsetMs = off ? parseOffsetId(off) * 1000 : 0;
    } catch {
      throw unparseable();
    }
    return pos + (gmt ? gmt[0].length : off!.length);
  }
  const named = matchZoneName(text, pos, true);
  if (!named) throw unparseable();
  // A zone name stands for that zone's offset at the parsed time; for a date, its standard offset.
  f.offsetMs = offsetAt(named.zone, Date.UTC(1970, 0, 1));
  return pos + named.length;
}

function toEpochMs(f: CalendarFields): number {
  let year = f.year ?? 1970;
  if (f.era === 0) year = 1 - year;
  let days: number;
  if (f.dayOfYear !== undefined && f.day === undefined && f.month === undefined) {
    days = daysFromCivil(year, 1, 1) + f.dayOfYear - 1;
  } else {
    // Lenient: month 13 is January of the next year, day 0 the last of the previous month.
    const m0 = (f.month ?? 1) - 1;
    const y = year + Math.floor(m0 / 12);
    const m = ((m0 % 12) + 12) % 12 + 1;
    days = daysFromCivil(y, m, 1) + (f.day ?? 1) - 1;
  }
  const hour = f.hourOfDay ?? ((f.ampm ?? 0) * 12 + (f.hour ?? 0));
  const ms = ((hour * 60 + (f.minute ?? 0)) * 60 + (f.second ?? 0)) * 1000 + (f.milli ?? 0);
  return days * MS_PER_DAY + ms - (f.offsetMs ?? 0);
}

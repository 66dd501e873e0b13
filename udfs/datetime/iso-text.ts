// java.time's toString() forms, and ksqlDB's SqlTimeTypes text for DATE, TIME and TIMESTAMP
// values (TO_JSON_STRING writes these): "2018-05-11", "16:43:40", "2018-05-11T21:58:33.000".
import { civilFromDays, floorDiv, floorMod, MS_PER_DAY } from '../../src/types/civil-date.js';

/** LocalDate.toString: four-digit years, with a sign beyond 9999. */
export function isoDate(epochDay: number): string {
  const { year, month, day } = civilFromDays(epochDay);
  const abs = Math.abs(year);
  let y: string;
  if (abs < 1000) y = (year < 0 ? '-' : '') + String(abs).padStart(4, '0');
  else y = (year > 9999 ? '+' : year < 0 ? '-' : '') + String(abs);
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** LocalTime.toString: "HH:mm", seconds only when non-zero, then the shortest of 3/6/9 fraction digits. */
export function isoTime(nanoOfDay: number): string {
  const totalSeconds = Math.floor(nanoOfDay / 1e9);
  const nano = nanoOfDay - totalSeconds * 1e9;
  const h = Math.floor(totalSeconds / 3600), m = Math.floor(totalSeconds / 60) % 60, s = totalSeconds % 60;
  let out = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  if (s > 0 || nano > 0) {
    out += ':' + String(s).padStart(2, '0');
    if (nano > 0) {
      if (nano % 1e6 === 0) out += '.' + String(nano / 1e6).padStart(3, '0');
      else if (nano % 1e3 === 0) out += '.' + String(nano / 1e3).padStart(6, '0');
      else out += '.' + String(nano).padStart(9, '0');
    }
  }
  return out;
}

/** SqlTimeTypes.formatDate. */
export const sqlDateText = (epochDay: number): string => isoDate(epochDay);

/** SqlTimeTypes.formatTime: LocalTime.ofSecondOfDay(ms / 1000).toString(); milliseconds dropped. */
export const sqlTimeText = (msOfDay: number): string => isoTime(Math.floor(msOfDay / 1000) * 1e9);

/** SqlTimeTypes.formatTimestamp: "yyyy-MM-dd'T'HH:mm:ss.SSS" in UTC. */
export function sqlTimestampText(epochMs: number): string {
  const day = floorDiv(epochMs, MS_PER_DAY);
  const ms = floorMod(epochMs, MS_PER_DAY);
  const { year } = civilFromDays(day);
  const date = isoDate(day);
  // The pattern's "yyyy" prints a year-of-era, zero-padded, with '+' beyond four digits.
  const yoe = year >= 1 ? year : 1 - year;
  const y = yoe > 9999 ? '+' + yoe : String(yoe).padStart(4, '0');
  const rest = date.slice(date.indexOf('-', 1));
  const hh = Math.floor(ms / 3_600_000), mm = Math.floor(ms / 60_000) % 60, ss = Math.floor(ms / 1000) % 60;
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${y}${rest}T${pad(hh)}:${pad(mm)}:${pad(ss)}.${pad(ms % 1000, 3)}`;
}

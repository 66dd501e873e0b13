// SQL DATE and TIMESTAMP text on top of the shared calendar arithmetic (src/types/civil-date.ts).
import { civilFromDays, MS_PER_DAY } from '../types/civil-date.js';

/** Splits epoch milliseconds into a day count and milliseconds within that (UTC) day. */
export function splitMillis(ms: number): { days: number; msOfDay: number } {
  const days = Math.floor(ms / MS_PER_DAY);
  return { days, msOfDay: ms - days * MS_PER_DAY };
}

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** LocalDate.toString: `2020-05-26`, `+10000-01-01`, `-0001-01-01`. */
export function formatIsoDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  const y = year > 9999 ? `+${year}` : year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
  return `${y}-${pad(month, 2)}-${pad(day, 2)}`;
}

export { MS_PER_DAY };

// Calendar arithmetic on the proleptic Gregorian calendar (as java.time), free of JS Date quirks.

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a year/month(1-12)/day. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1-12) and day of a day count since 1970-01-01. */
export function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function monthLength(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Splits epoch milliseconds into a day count and milliseconds within that (UTC) day. */
export function splitMillis(ms: number): { days: number; msOfDay: number } {
  const days = Math.floor(ms / MS_PER_DAY);
  return { days, msOfDay: ms - days * MS_PER_DAY };
}

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** LocalDate.toString: `2020-05-26`, `+10000-01-01`, `-0001-01-01`. */
export function formatIsoDate(days: number): string {
  const { y, m, d } = civilFromDays(days);
  const year = y > 9999 ? `+${y}` : y < 0 ? `-${pad(-y, 4)}` : pad(y, 4);
  return `${year}-${pad(m, 2)}-${pad(d, 2)}`;
}

export { MS_PER_DAY };

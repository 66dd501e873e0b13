// The time-unit argument of DATEADD, TIMEADD, TIMESTAMPADD and their SUB twins. ksqlDB's parser
// reads a bare unit keyword (DAY, HOURS, MILLISECOND...) as a java.util.concurrent.TimeUnit;
// here it arrives as the unit's name, singular or plural, in any case.
import { SqlError } from '../../src/types/sql-error.js';

const UNIT_MS: Record<string, number> = {
  MILLISECONDS: 1, SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000,
};

/** Milliseconds in one of the unit, or an error naming the unit. */
export function unitMillis(unit: string): number {
  const name = unit.toUpperCase();
  const ms = UNIT_MS[name] ?? UNIT_MS[name + 'S'];
  if (ms === undefined) throw new SqlError('EVALUATION_ERROR', `Unknown time unit: ${unit}`);
  return ms;
}

/** TimeUnit.toNanos saturates at Long's range; so does the shift a TIME can take. */
export function shiftTimeOfDay(msOfDay: number, unitMs: number, amount: number, sign: 1 | -1): number {
  const day = 86_400_000n;
  const maxNanos = 9_223_372_036_854_775_807n;
  let nanos = BigInt(amount) * BigInt(unitMs) * 1_000_000n;
  if (nanos > maxNanos) nanos = maxNanos;
  if (nanos < -maxNanos - 1n) nanos = -maxNanos - 1n;
  const dayNanos = day * 1_000_000n;
  const current = BigInt(msOfDay) * 1_000_000n;
  const shifted = (((current + BigInt(sign) * nanos) % dayNanos) + dayNanos) % dayNanos;
  return Number(shifted / 1_000_000n);
}

// Size limits such as ksql.functions.collect_list.limit, read the way ksqlDB's UDAFs read them:
// absent → unlimited, a negative number → unlimited, anything not an integer → error.
import type { AggregateConfig } from '../types.js';
import { SqlError } from '../../src/types/sql-error.js';

export function readLimit(config: AggregateConfig, name: string): number {
  const raw = config.properties[name];
  if (raw === undefined || raw === null) return Number.POSITIVE_INFINITY;
  const text = String(raw).trim();
  if (!/^[+-]?\d+$/.test(text) || Math.abs(Number(text)) > 2147483647) {
    throw new SqlError('INVALID_PROPERTY', `${name} must be an integer, got '${raw}'`);
  }
  const n = Number(text);
  return n < 0 ? Number.POSITIVE_INFINITY : n;
}

// DECIMAL typing rules from ksqlDB's SqlDecimal and DecimalUtil.
import type { SqlType } from '../../types/sql-type.js';
import { decimal } from '../../types/sql-type.js';
import type { Decimal } from '../../types/decimal.js';
import { SqlError } from '../../types/sql-error.js';

export type DecimalType = Extract<SqlType, { kind: 'DECIMAL' }>;

const dec = (p: number, s: number): DecimalType => decimal(p, s) as DecimalType;

/** INTEGER → DECIMAL(10, 0), BIGINT → DECIMAL(19, 0): the decimal that holds any value. */
export function toSqlDecimal(t: SqlType): DecimalType {
  switch (t.kind) {
    case 'DECIMAL': return t;
    case 'INTEGER': return dec(10, 0);
    case 'BIGINT': return dec(19, 0);
    default: throw new SqlError('TYPE_ERROR', `Cannot convert ${t.kind} to DECIMAL.`);
  }
}

/** A decimal wide enough for either type (DecimalUtil.widen). */
export function widenDecimal(a: SqlType, b: SqlType): DecimalType {
  const l = toSqlDecimal(a), r = toSqlDecimal(b);
  const whole = Math.max(l.precision - l.scale, r.precision - r.scale);
  const scale = Math.max(l.scale, r.scale);
  return dec(whole + scale, scale);
}

/** Result type of a DECIMAL operation (SqlDecimal.add/subtract/multiply/divide/modulus). */
export function decimalResultType(op: '+' | '-' | '*' | '/' | '%', l: DecimalType, r: DecimalType): DecimalType {
  switch (op) {
    case '+':
    case '-': {
      const scale = Math.max(l.scale, r.scale);
      return dec(scale + Math.max(l.precision - l.scale, r.precision - r.scale) + 1, scale);
    }
    case '*': return dec(l.precision + r.precision + 1, l.scale + r.scale);
    case '/': {
      const scale = Math.max(6, l.scale + r.precision + 1);
      return dec(l.precision - l.scale + r.scale + scale, scale);
    }
    case '%': {
      const scale = Math.max(l.scale, r.scale);
      return dec(Math.min(l.precision - l.scale, r.precision - r.scale) + scale, scale);
    }
  }
}

/** The type of a decimal literal (DecimalUtil.fromValue): `1.50` → DECIMAL(3, 2), `0.005` → DECIMAL(4, 3). */
export function decimalTypeOfValue(v: Decimal): DecimalType {
  const d = v.scale < 0 ? v.setScale(0) : v;
  const one = 10n ** BigInt(d.scale);
  const mag = d.unscaled < 0n ? -d.unscaled : d.unscaled;
  if (mag < one) return dec(d.scale + 1, d.scale);
  return dec(d.precision, Math.max(d.scale, 0));
}

// DecimalUtil.ensureFit: a read decimal must be below 10^(precision - scale) and must reach the
// column's scale without rounding ("1.5" → 1.50 is fine, "1.234" into DECIMAL(4, 2) is not).
// Works on the digit text, so hostile inputs like "1e-999999999" cost nothing.
import { Decimal } from '../types/decimal.js';
import { bigDecimalToString, type DecimalText } from '../values/java-number.js';
import { Failure } from './serde-failure.js';

export function fitDecimal(d: DecimalText, precision: number, scale: number): Decimal {
  if (d.coeff === '0') return new Decimal(0n, scale);
  const intDigits = d.coeff.length - d.scale;
  if (intDigits > precision - scale) {
    throw new Failure(`Numeric field overflow: A field with precision ${precision} and scale ${scale} ` +
      `must round to an absolute value less than 10^${precision - scale}. Got ${plain(d)}`);
  }
  let unscaled: bigint;
  if (d.scale <= scale) {
    unscaled = BigInt(d.coeff) * 10n ** BigInt(scale - d.scale);
  } else {
    const drop = d.scale - scale;
    const keep = d.coeff.length - drop;
    if (keep <= 0 || !/^0*$/.test(d.coeff.slice(keep))) {
      throw new Failure(`Cannot fit decimal '${plain(d)}' into DECIMAL(${precision}, ${scale}) without rounding. ` +
        `(Requires ${d.coeff.length},${d.scale})`);
    }
    unscaled = BigInt(d.coeff.slice(0, keep));
  }
  return new Decimal(d.neg ? -unscaled : unscaled, scale);
}

/** Plain text for messages (toPlainString), shortened when huge. */
function plain(d: DecimalText): string {
  if (d.coeff.length + Math.abs(d.scale) > 60) {
    const s = bigDecimalToString(d.neg, d.coeff.slice(0, 40), d.scale - (d.coeff.length - Math.min(d.coeff.length, 40)));
    return d.coeff.length > 40 ? s + '…' : s;
  }
  return new Decimal(BigInt(d.coeff) * (d.neg ? -1n : 1n), d.scale).toString();
}

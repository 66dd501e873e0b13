// A label as the prequential metrics take it, from whatever SQL type the LABEL column has: a
// regression's target as a number, an anomaly label as anomalous or not. Shared by models that
// learn online (live-model.ts) and models trained elsewhere that are only monitored (onnx-monitor.ts).
import { Decimal } from '../../types/decimal.js';

/** A regression target: numbers as they are, DECIMAL and BOOLEAN (1/0) converted, text parsed. */
export function labelNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Decimal) return Number(v.toString());
  return Number(v);
}

/** An anomaly label: true, non-zero numbers, and strings other than '0'/'false'/'no'/'' count as anomalous. */
export function anomalousLabel(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const s = String(v).trim().toLowerCase();
  return s !== '' && s !== '0' && s !== 'false' && s !== 'no';
}

// Where a failing function call reports before it yields NULL. ksqlDB turns a function's
// exception into NULL for that call (COALESCE(PARSE_DATE(x, 'a'), PARSE_DATE(x, 'b')) still
// works) and logs it; the runtime points this at the processing log of the query whose record
// is being processed (processing is synchronous per record, so one current reporter suffices).
import type { EvaluationError } from '../../values/evaluation-error.js';

let current: ((e: EvaluationError) => void) | undefined;

export function setEvaluationErrorReporter(r: ((e: EvaluationError) => void) | undefined): void {
  current = r;
}

export function reportEvaluationError(e: EvaluationError): void {
  current?.(e);
}

// The time bound for the regular expressions RE2 cannot run (back references, lookaround,
// atomic groups, possessive quantifiers) and so run on JS RegExp, which backtracks: one row with
// a catastrophic pattern could otherwise block the event loop for minutes.
//
// Why a time bound rather than rejecting those patterns: ksqlDB (java.util.regex) accepts them
// and ordinary ones are fast, so rejecting them would break working queries. node:vm's `timeout`
// really interrupts a running RegExp (V8 terminates the execution; the regex engine checks for
// it while backtracking), which a timer or a check between calls cannot. Its cost, a watchdog
// thread per call (~0.1-0.4 ms), is paid only by these patterns, once per row.
import vm from 'node:vm';
import { SqlError } from '../../src/types/sql-error.js';
import { positiveIntProperty } from '../shared/engine-properties.js';

export const REGEX_TIMEOUT = 'eddy.regex.backtracking.timeout.ms';
export const DEFAULT_REGEX_TIMEOUT_MS = 200;

/** The bound, from the engine's properties (see udfs/shared/engine-properties.ts). */
export function regexTimeoutMs(): number {
  return positiveIntProperty(REGEX_TIMEOUT, DEFAULT_REGEX_TIMEOUT_MS);
}

// One context and script for every call: the script only calls back into this realm.
const context = vm.createContext({ task: undefined as (() => void) | undefined });
const script = new vm.Script('task()');

/**
 * Runs `work` for at most the configured time; past it, throws an EVALUATION_ERROR saying
 * `what` (the pattern and the construct that needs backtracking).
 */
export function runBounded<T>(work: () => T, what: () => string): T {
  const timeout = regexTimeoutMs();
  let done = false;
  let result: T | undefined;
  context.task = () => { result = work(); done = true; };
  try {
    script.runInContext(context, { timeout });
  } catch (e) {
    // The watchdog may fire just after the work finished (a busy machine): the result stands.
    if (!done) {
      if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        throw new SqlError('EVALUATION_ERROR', `${what()} ran longer than ${REGEX_TIMEOUT} (${timeout} ms) on this value`);
      }
      throw e;
    }
  } finally {
    context.task = undefined;
  }
  return result as T;
}

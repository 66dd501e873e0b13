// A duration flag such as --timeout: 500ms, 30s, 2m, or a plain number of seconds.

/** Milliseconds, undefined when the flag is absent; throws a message for a bad value. */
export function durationFlagMs(value: string | true | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const m = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(value) : null;
  if (!m) throw new Error(`--${flag} takes a duration such as 30s, 500ms or 2m, not '${value === true ? '' : value}'`);
  const unit = (m[2] ?? 's').toLowerCase();
  return Number(m[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000);
}

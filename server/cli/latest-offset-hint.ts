// A push query reads rows written after it started unless the session set 'earliest' (ksqlDB's
// default is 'latest'): a script or shell session that INSERTs rows and then SELECTs ... EMIT
// CHANGES sees nothing and waits. After a while without a row, the CLI says why, once.

/** How long a push query reading from 'latest' may give no row before the hint. */
export const LATEST_HINT_MS = 5000;

/** The hint, prefixed with where the query is (`file:line: `), if given. */
export function latestOffsetHint(where = ''): { ms: number; text: string } {
  return {
    ms: LATEST_HINT_MS,
    text: `${where}this push query has had no row for ${LATEST_HINT_MS / 1000} s: it reads only rows written after it started `
      + "(auto.offset.reset is 'latest'). To read the rows already there, put SET 'auto.offset.reset' = 'earliest'; before it.",
  };
}

/**
 * Says `hint` (through `say`) once if no row came (`rows()` still 0) within its time; returns
 * what stops waiting. Nothing without a hint.
 */
export function watchForRows(hint: { ms: number; text: string } | undefined, rows: () => number, say: (text: string) => void): () => void {
  if (hint === undefined) return () => undefined;
  const timer = setTimeout(() => { if (rows() === 0) say(hint.text); }, hint.ms);
  timer.unref();
  return () => clearTimeout(timer);
}

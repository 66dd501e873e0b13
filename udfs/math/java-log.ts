// Natural log for LN and LOG. V8's Math.log can differ from Java's StrictMath.log in the last
// digit for a few inputs; a double-double reimplementation was tried and hung on some inputs,
// so we accept the last-digit difference (well inside the 1e-6 that ksqlDB's tests allow).
export function javaLog(x: number): number {
  return Math.log(x);
}

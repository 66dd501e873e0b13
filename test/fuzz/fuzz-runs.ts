// How many cases a property test tries: a few in `npm test` (inside CI's time), many with
// `npm run fuzz` (EDDY_FUZZ_RUNS). EDDY_FUZZ_SEED replays a run fast-check reported.
export function fuzzRuns(inTests: number): number {
  const n = Number(process.env.EDDY_FUZZ_RUNS);
  return Number.isFinite(n) && n > 0 ? n : inTests;
}

/** fast-check parameters: runs, and the seed to replay when one is given. */
export function fuzzParams(inTests: number): { numRuns: number; seed?: number; endOnFailure: boolean } {
  const seed = Number(process.env.EDDY_FUZZ_SEED);
  return { numRuns: fuzzRuns(inTests), endOnFailure: true, ...(Number.isFinite(seed) && process.env.EDDY_FUZZ_SEED ? { seed } : {}) };
}

/** A test timeout that grows with the number of runs. */
export const fuzzTimeout = (inTests: number, msPerRun: number): number => 30_000 + fuzzRuns(inTests) * msPerRun;

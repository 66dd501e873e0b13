// The HyperLogLog behind COUNT_DISTINCT, register for register the one ksqlDB uses (stream-lib's,
// log2m = 14): 16384 five-bit registers packed six to an int, 2731 ints, in a plain number array.

const LOG2M = 14;
const M = 1 << LOG2M;
const WORDS = Math.floor(M / 6) + 1;
const ALPHA_MM = (0.7213 / (1 + 1.079 / M)) * M * M;

export function emptyRegisters(): number[] {
  return new Array<number>(WORDS).fill(0);
}

/** HyperLogLog.offerHashed(int): the top 14 bits pick a register, the rest give its rank. */
export function offerHash(registers: number[], hash: number): void {
  const j = hash >>> (32 - LOG2M);
  const r = Math.clz32((hash << LOG2M) | ((1 << (LOG2M - 1)) + 1)) + 1;
  const bucket = Math.floor(j / 6);
  const shift = 5 * (j - bucket * 6);
  const mask = 0x1f << shift;
  const word = registers[bucket];
  if ((word & mask) < r << shift) registers[bucket] = (word & ~mask) | (r << shift);
}

/** RegisterSet.merge: each register becomes the larger of the two (exact for unions). */
export function mergeRegisters(into: number[], from: number[]): number[] {
  for (let b = 0; b < WORDS; b++) {
    let word = 0;
    for (let j = 0; j < 6; j++) {
      const mask = 0x1f << (5 * j);
      const x = into[b] & mask, y = from[b] & mask;
      word |= x < y ? y : x;
    }
    into[b] = word;
  }
  return into;
}

/** HyperLogLog.cardinality: linear counting for small sets, the raw estimate otherwise. */
export function cardinality(registers: number[]): number {
  let sum = 0;
  let zeros = 0;
  for (let j = 0; j < M; j++) {
    const bucket = Math.floor(j / 6);
    const shift = 5 * (j - bucket * 6);
    const val = (registers[bucket] >>> shift) & 0x1f;
    sum += 1 / (1 << val);
    if (val === 0) zeros++;
  }
  const estimate = ALPHA_MM * (1 / sum);
  return estimate <= 2.5 * M ? Math.round(M * Math.log(M / zeros)) : Math.round(estimate);
}

import type { ScalarFunction } from '../types.js';
import { rescaled, sameLength, vectorParam, type Vector } from './vectors.js';

/** The cosine of the angle between two vectors, within [-1, 1]; NULL if either is all zeros. */
function cosineSimilarity(a: Vector, b: Vector): number | null {
  sameLength('COSINE_SIMILARITY', a, b);
  let dot = 0, aa = 0, bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (x === null || y === null) return null;
    dot += x * y;
    aa += x * x;
    bb += y * y;
  }
  if (aa > 1e-290 && aa < 1e290 && bb > 1e-290 && bb < 1e290) return clamp(dot / (Math.sqrt(aa) * Math.sqrt(bb)));
  return rescaledCosine(a as number[], b as number[]);
}

/**
 * For sums of squares that are 0 or may have over- or underflowed: the cosine of the arrays
 * divided by their largest elements (the same angle), whose sums of squares lie in [1, length].
 */
function rescaledCosine(a: number[], b: number[]): number | null {
  const ra = rescaled(a), rb = rescaled(b);
  if (ra.scale === 0 || rb.scale === 0) return null; // a zero vector has no direction
  if (ra.unit === null || rb.unit === null) return Number.NaN; // an Infinity or NaN element
  const u = ra.unit, v = rb.unit;
  let dot = 0, uu = 0, vv = 0;
  for (let i = 0; i < u.length; i++) {
    dot += u[i] * v[i];
    uu += u[i] * u[i];
    vv += v[i] * v[i];
  }
  return clamp(dot / (Math.sqrt(uu) * Math.sqrt(vv)));
}

/** Rounding can take a cosine just past ±1 (1.0000000000000002): keep it in range, so ACOS works. */
const clamp = (c: number): number => (c > 1 ? 1 : c < -1 ? -1 : c);

export const cosineSimilarityFunction: ScalarFunction = {
  kind: 'scalar',
  name: 'COSINE_SIMILARITY',
  category: 'MATHEMATICAL',
  description: 'Returns the cosine similarity of two arrays of numbers: their dot product divided by the product of '
    + 'their L2 norms, from -1 (opposite) through 0 (orthogonal) to 1 (same direction). NULL if either array is '
    + 'NULL, has a NULL element or is all zeros; arrays of different lengths fail the call (NULL, and an entry in '
    + 'the processing log).',
  overloads: [{
    params: [vectorParam('a', 'The first vector'), vectorParam('b', 'The second vector, as long as the first')],
    returns: { kind: 'DOUBLE' },
    impl: cosineSimilarity,
  }],
  examples: [
    { call: 'COSINE_SIMILARITY(ARRAY[1, 0], ARRAY[0, 1])', result: 0 },
    { call: 'COSINE_SIMILARITY(ARRAY[1, 2, 3], ARRAY[2, 4, 6])', result: 1 },
    { call: 'COSINE_SIMILARITY(ARRAY[0, 0], ARRAY[1, 1])', result: null },
  ],
};

import type { ScalarFunction } from '../types.js';
import { SqlError } from '../../src/types/sql-error.js';
import { BIGINT, INTEGER, arrayOf } from './patterns.js';
import { checkGeneratedSize } from '../shared/generated-size.js';

const fail = (message: string): SqlError => new SqlError('EVALUATION_ERROR', message);

/** start, start + step, ... up to end inclusive; `wrap` makes the arithmetic Java int's. */
function series(start: number, end: number, step: number, wrap: (n: number) => number): number[] {
  if (step === 0) throw fail('GENERATE_SERIES step cannot be zero');
  const diff = wrap(end - start);
  if ((diff > 0 && step < 0) || (diff < 0 && step > 0)) throw fail('GENERATE_SERIES step has wrong sign');
  const size = 1 + Math.trunc(diff / step);
  if (size > 2_147_483_647) throw fail(`GENERATE_SERIES would produce ${size} values`);
  checkGeneratedSize('GENERATE_SERIES', size, 'elements');
  const out = new Array<number>(size);
  let v = start;
  for (let i = 0; i < size; i++) {
    out[i] = v;
    v = wrap(v + step);
  }
  return out;
}

const int = (n: number): number => n | 0;
const long = (n: number): number => n;
const defaultStep = (start: number, end: number, wrap: (n: number) => number): number => (wrap(end - start) > 0 ? 1 : -1);

const P = (name: string, type = INTEGER, description = '') => ({ name, type, description });

export const generateSeries: ScalarFunction = {
  kind: 'scalar',
  name: 'GENERATE_SERIES',
  category: 'ARRAY',
  description: 'Construct an array of a range of values',
  overloads: [
    {
      params: [P('start', INTEGER, 'The beginning of the series'), P('end', INTEGER, 'Marks the end of the series (inclusive)')],
      returns: arrayOf(INTEGER),
      impl: (start: number, end: number) => series(start, end, defaultStep(start, end, int), int),
    },
    {
      params: [P('start', INTEGER, 'The beginning of the series'), P('end', INTEGER, 'Marks the end of the series (inclusive)'), P('step', INTEGER, 'Difference between each value in the series')],
      returns: arrayOf(INTEGER),
      impl: (start: number, end: number, step: number) => series(start, end, step, int),
    },
    {
      params: [P('start', BIGINT, 'The beginning of the series'), P('end', BIGINT, 'Marks the end of the series (inclusive)')],
      returns: arrayOf(BIGINT),
      impl: (start: number, end: number) => series(start, end, defaultStep(start, end, long), long),
    },
    {
      params: [P('start', BIGINT, 'The beginning of the series'), P('end', BIGINT, 'Marks the end of the series (inclusive)'), P('step', INTEGER, 'Difference between each value in the series')],
      returns: arrayOf(BIGINT),
      impl: (start: number, end: number, step: number) => series(start, end, step, long),
    },
  ],
  examples: [
    { call: 'GENERATE_SERIES(1, 5, 2)', result: [1, 3, 5] },
    { call: 'GENERATE_SERIES(4, 1)', result: [4, 3, 2, 1] },
  ],
};

// The error function for ERF, ERFC and NORMAL_CDF, from mathjs (JavaScript's Math has none).
//
// Why mathjs here and plain loops in vectors.ts: mathjs's erf (W. J. Cody's rational
// approximations) costs about 100 ns a call (Math.exp: 33 ns), fine for the per-row path, while
// its vector operations cost 12-180x a plain loop. Loading mathjs is not cheap, though: even its
// number-only build ('mathjs/number', required synchronously, then create({ erfDependencies }))
// takes ~300 ms, `import * as math from 'mathjs'` ~800 ms, against a CLI that starts in under a
// second. So nothing loads it at start: the overloads are factories, the first query that compiles
// a call of ERF, ERFC or NORMAL_CDF loads it (once per process), and the per-row path then calls
// erf directly. (The browser bundle, mathjs/lib/browser/math.js, loads in ~100 ms but installs
// core-js globals, so it is not used.)
import { createRequire } from 'node:module';
import type { ScalarOverload } from '../types.js';

type Erf = (x: number) => number;

let loaded: Erf | undefined;

/** mathjs's erf, loading mathjs on first use. */
export function mathjsErf(): Erf {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    const { create, erfDependencies } = require('mathjs/number') as typeof import('mathjs');
    loaded = create({ erfDependencies }).erf as Erf;
  }
  return loaded;
}

const NUMERIC_KINDS = ['INTEGER', 'BIGINT', 'DOUBLE'] as const;

/**
 * INT, BIGINT and DOUBLE overloads of a one-argument DOUBLE function of erf (as
 * unaryDoubleOverloads, but built when a query compiles the call, so mathjs loads only then).
 */
export function erfOverloads(fn: (erf: Erf) => Erf, param = 'x'): ScalarOverload[] {
  return NUMERIC_KINDS.map((kind) => ({
    params: [{ name: param, type: { kind } }],
    returns: { kind: 'DOUBLE' },
    factory: () => fn(mathjsErf()),
  }));
}

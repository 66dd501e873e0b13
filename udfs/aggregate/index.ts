// The built-in aggregate functions, as ksqlDB names and types them.
import type { AggregateFunction } from '../types.js';
import { attr } from './attr.js';
import { avg } from './avg.js';
import { collectList } from './collect-list.js';
import { collectSet } from './collect-set.js';
import { correlation } from './correlation.js';
import { count } from './count.js';
import { countDistinct } from './count-distinct.js';
import { earliestByOffset } from './earliest-by-offset.js';
import { histogram } from './histogram.js';
import { latestByOffset } from './latest-by-offset.js';
import { max } from './max.js';
import { min } from './min.js';
import { stddevSamp } from './stddev-samp.js';
import { stddevSample } from './stddev-sample.js';
import { sum } from './sum.js';
import { sumList } from './sum-list.js';
import { topk } from './topk.js';
import { topkDistinct } from './topk-distinct.js';
import { cusum } from './stats/cusum.js';
import { driftAdwin } from './stats/drift-adwin.js';
import { ewma } from './stats/ewma.js';
import { kurtosis, skewness, variance } from './stats/moments-functions.js';
import { median, quantile } from './stats/quantile.js';
import { zscore } from './stats/zscore.js';

export const aggregateFunctions: AggregateFunction[] = [
  attr,
  avg,
  collectList,
  collectSet,
  correlation,
  count,
  countDistinct,
  earliestByOffset,
  histogram,
  latestByOffset,
  max,
  min,
  stddevSamp,
  stddevSample,
  sum,
  sumList,
  topk,
  topkDistinct,
  // Streaming statistics (udfs/aggregate/stats/).
  cusum,
  driftAdwin,
  ewma,
  kurtosis,
  median,
  quantile,
  skewness,
  variance,
  zscore,
];

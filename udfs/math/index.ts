// The built-in math functions.
import type { ScalarFunction } from '../types.js';
import { abs } from './abs.js';
import { acos } from './acos.js';
import { asin } from './asin.js';
import { atan } from './atan.js';
import { atan2 } from './atan2.js';
import { cbrt } from './cbrt.js';
import { ceil } from './ceil.js';
import { cos } from './cos.js';
import { cosineSimilarityFunction } from './cosine-similarity.js';
import { cosh } from './cosh.js';
import { cot } from './cot.js';
import { degrees } from './degrees.js';
import { dotFunction } from './dot.js';
import { erf } from './erf.js';
import { erfc } from './erfc.js';
import { exp } from './exp.js';
import { floor } from './floor.js';
import { geoDistanceFunction } from './geo-distance.js';
import { greatest } from './greatest.js';
import { intFromBoolean } from './int-from-boolean.js';
import { l2Norm } from './l2-norm.js';
import { least } from './least.js';
import { ln } from './ln.js';
import { log } from './log.js';
import { normalCdf } from './normal-cdf.js';
import { pi } from './pi.js';
import { power } from './power.js';
import { radians } from './radians.js';
import { random } from './random.js';
import { round } from './round.js';
import { sign } from './sign.js';
import { sin } from './sin.js';
import { sinh } from './sinh.js';
import { sqrt } from './sqrt.js';
import { tan } from './tan.js';
import { tanh } from './tanh.js';
import { trunc } from './trunc.js';
import { vectorAddFunction } from './vector-add.js';
import { vectorScaleFunction } from './vector-scale.js';
import { vectorSubFunction } from './vector-sub.js';

export const mathFunctions: ScalarFunction[] = [
  abs, acos, asin, atan, atan2, cbrt, ceil, cos, cosh, cosineSimilarityFunction, cot, degrees, dotFunction, erf,
  erfc, exp, floor, geoDistanceFunction, greatest, intFromBoolean, l2Norm, least, ln, log, normalCdf, pi, power,
  radians, random, round, sign, sin, sinh, sqrt, tan, tanh, trunc, vectorAddFunction, vectorScaleFunction,
  vectorSubFunction,
];

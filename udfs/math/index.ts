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
import { cosh } from './cosh.js';
import { cot } from './cot.js';
import { degrees } from './degrees.js';
import { exp } from './exp.js';
import { floor } from './floor.js';
import { geoDistanceFunction } from './geo-distance.js';
import { greatest } from './greatest.js';
import { intFromBoolean } from './int-from-boolean.js';
import { least } from './least.js';
import { ln } from './ln.js';
import { log } from './log.js';
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

export const mathFunctions: ScalarFunction[] = [
  abs, acos, asin, atan, atan2, cbrt, ceil, cos, cosh, cot, degrees, exp, floor, geoDistanceFunction,
  greatest, intFromBoolean, least, ln, log, pi, power, radians, random, round, sign, sin, sinh, sqrt, tan,
  tanh, trunc,
];

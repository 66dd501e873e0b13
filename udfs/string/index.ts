// The built-in string and regular-expression functions.
import type { ScalarFunction } from '../types.js';
import { chr } from './chr.js';
import { concat } from './concat.js';
import { concatWs } from './concat-ws.js';
import { elt } from './elt.js';
import { encodeFunction } from './encode.js';
import { field } from './field.js';
import { initcapFunction } from './initcap.js';
import { instrFunction } from './instr.js';
import { lcase } from './lcase.js';
import { len } from './len.js';
import { lpad } from './lpad.js';
import { mask } from './mask.js';
import { maskKeepLeft } from './mask-keep-left.js';
import { maskKeepRight } from './mask-keep-right.js';
import { maskLeft } from './mask-left.js';
import { maskRight } from './mask-right.js';
import { md5 } from './md5.js';
import { regexpExtractFunction } from './regexp-extract.js';
import { regexpExtractAllFunction } from './regexp-extract-all.js';
import { regexpReplace } from './regexp-replace.js';
import { regexpSplitToArray } from './regexp-split-to-array.js';
import { replace } from './replace.js';
import { rpad } from './rpad.js';
import { split } from './split.js';
import { splitToMapFunction } from './split-to-map.js';
import { substring } from './substring.js';
import { trim } from './trim.js';
import { ucase } from './ucase.js';
import { uuid } from './uuid.js';

export const stringFunctions: ScalarFunction[] = [
  chr, concat, concatWs, elt, encodeFunction, field, initcapFunction, instrFunction, lcase, len, lpad,
  mask, maskKeepLeft, maskKeepRight, maskLeft, maskRight, md5, regexpExtractFunction,
  regexpExtractAllFunction, regexpReplace, regexpSplitToArray, replace, rpad, split, splitToMapFunction,
  substring, trim, ucase, uuid,
];

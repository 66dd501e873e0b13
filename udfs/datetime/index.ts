// The date and time functions (ksqlDB's DATE / TIME category).
import type { ScalarFunction } from '../types.js';
import { convertTz } from './convert-tz.js';
import { dateAdd } from './date-add.js';
import { dateSub } from './date-sub.js';
import { dateToString } from './date-to-string.js';
import { formatDate } from './format-date.js';
import { formatTime } from './format-time.js';
import { formatTimestamp } from './format-timestamp.js';
import { fromDays } from './from-days.js';
import { fromUnixtime } from './from-unixtime.js';
import { parseDate } from './parse-date.js';
import { parseTime } from './parse-time.js';
import { parseTimestamp } from './parse-timestamp.js';
import { stringToDate } from './string-to-date.js';
import { stringToTimestamp } from './string-to-timestamp.js';
import { timeAdd } from './time-add.js';
import { timeSub } from './time-sub.js';
import { timestampAdd } from './timestamp-add.js';
import { timestampSub } from './timestamp-sub.js';
import { timestampToString } from './timestamp-to-string.js';
import { unixDate } from './unix-date.js';
import { unixTimestamp } from './unix-timestamp.js';

export const datetimeFunctions: ScalarFunction[] = [
  convertTz, dateAdd, dateSub, dateToString, formatDate, formatTime, formatTimestamp, fromDays, fromUnixtime,
  parseDate, parseTime, parseTimestamp, stringToDate, stringToTimestamp, timeAdd, timeSub, timestampAdd,
  timestampSub, timestampToString, unixDate, unixTimestamp,
];

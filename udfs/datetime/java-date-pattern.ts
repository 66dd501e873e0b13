// Compiles a java.time DateTimeFormatter pattern ("yyyy-MM-dd'T'HH:mm:ss.SSSX") into elements,
// letter by letter as DateTimeFormatterBuilder.appendPattern does, including its errors and
// "adjacent value parsing" (in "yyyyMMdd" the year leaves four digits for month and day).
import { SqlError } from '../../src/types/sql-error.js';
import type { Field, TextStyle } from './java-date-fields.js';
import { Fraction, Literal, NumberValue, Optional, Pad, ReducedValue, Text, type Element } from './java-date-elements.js';
import { LocalizedOffset, OffsetId, ZoneIdElement, ZoneText } from './java-zone-elements.js';

/** An invalid pattern: Java's IllegalArgumentException, which ksqlDB's caches report by class. */
export class InvalidPatternError extends SqlError {
  constructor(message: string) {
    super('EVALUATION_ERROR', message);
  }
}

const bad = (message: string): SqlError => new InvalidPatternError(message);

const FIELD_LETTERS: Record<string, Field> = {
  G: 'Era', y: 'YearOfEra', u: 'Year', Q: 'QuarterOfYear', q: 'QuarterOfYear', M: 'MonthOfYear', L: 'MonthOfYear',
  D: 'DayOfYear', d: 'DayOfMonth', E: 'DayOfWeek', e: 'LocalizedDayOfWeek', c: 'LocalizedDayOfWeek',
  a: 'AmPmOfDay', H: 'HourOfDay', k: 'ClockHourOfDay', K: 'HourOfAmPm', h: 'ClockHourOfAmPm', m: 'MinuteOfHour',
  s: 'SecondOfMinute', S: 'NanoOfSecond', A: 'MilliOfDay', n: 'NanoOfSecond', N: 'NanoOfDay',
  Y: 'WeekBasedYear', w: 'WeekOfWeekBasedYear', W: 'WeekOfMonth', F: 'AlignedWeekOfMonth',
};

const OFFSET_PATTERNS = ['+HHmm', '+HHMM', '+HH:MM', '+HHMMss', '+HH:MM:ss'];

interface Builder {
  items: Element[];
  /** The variable-width number that fixed-width numbers right after it leave digits for. */
  activeValue?: NumberValue;
}

export function compilePattern(pattern: string): Element[] {
  const stack: Builder[] = [{ items: [] }];
  let padNext = 0;
  const append = (e: Element): void => {
    const b = stack[stack.length - 1];
    if (padNext > 0) {
      b.items.push(new Pad(padNext, e));
      b.activeValue = undefined;
      padNext = 0;
      return;
    }
    if (e instanceof NumberValue) {
      if (b.activeValue && e.isFixedWidth) {
        b.activeValue.subsequentWidth += e.maxWidth;
      } else {
        b.activeValue = e;
      }
    } else {
      b.activeValue = undefined;
    }
    b.items.push(e);
  };

  for (let pos = 0; pos < pattern.length; pos++) {
    const cur = pattern[pos];
    if ((cur >= 'A' && cur <= 'Z') || (cur >= 'a' && cur <= 'z')) {
      let start = pos++;
      while (pos < pattern.length && pattern[pos] === cur) pos++;
      let count = pos - start;
      if (cur === 'p') {
        let pad = 0;
        if (pos < pattern.length) {
          const next = pattern[pos];
          if ((next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z')) {
            pad = count;
            start = pos++;
            while (pos < pattern.length && pattern[pos] === next) pos++;
            count = pos - start;
          }
        }
        if (pad === 0) throw bad(`Pad letter 'p' must be followed by valid pad pattern: ${pattern}`);
        padNext = pad;
        pos--;
        append(letterElement(pattern[start], count));
        continue;
      }
      pos--;
      append(letterElement(cur, count));
    } else if (cur === "'") {
      const start = pos++;
      for (; pos < pattern.length; pos++) {
        if (pattern[pos] === "'") {
          if (pos + 1 < pattern.length && pattern[pos + 1] === "'") pos++;
          else break;
        }
      }
      if (pos >= pattern.length) throw bad(`Pattern ends with an incomplete string literal: ${pattern}`);
      const str = pattern.slice(start + 1, pos);
      append(new Literal(str.length === 0 ? "'" : str.replace(/''/g, "'")));
    } else if (cur === '[') {
      stack.push({ items: [] });
    } else if (cur === ']') {
      if (stack.length === 1) throw bad('Pattern invalid as it contains ] without previous [');
      const inner = stack.pop()!;
      append(new Optional(inner.items));
    } else if (cur === '{' || cur === '}' || cur === '#') {
      throw bad(`Pattern includes reserved character: '${cur}'`);
    } else {
      append(new Literal(cur));
    }
  }
  while (stack.length > 1) {
    const inner = stack.pop()!;
    append(new Optional(inner.items));
  }
  return stack[0].items;
}

function letterElement(cur: string, count: number): Element {
  const tooMany = (): SqlError => bad(`Too many pattern letters: ${cur}`);
  switch (cur) {
    case 'V':
      if (count !== 2) throw bad(`Pattern letter count must be 2: ${cur}`);
      return new ZoneIdElement();
    case 'z':
      if (count > 4) throw tooMany();
      return new ZoneText(count === 4 ? 'long' : 'short');
    case 'v':
      if (count !== 1 && count !== 4) throw bad(`Wrong number of  pattern letters: ${cur}`);
      return new ZoneText(count === 4 ? 'long' : 'short');
    case 'Z':
      if (count < 4) return new OffsetId('+HHMM', '+0000');
      if (count === 4) return new LocalizedOffset(true);
      if (count === 5) return new OffsetId('+HH:MM:ss', 'Z');
      throw tooMany();
    case 'O':
      if (count === 1) return new LocalizedOffset(false);
      if (count === 4) return new LocalizedOffset(true);
      throw bad(`Pattern letter count must be 1 or 4: ${cur}`);
    case 'X':
      if (count > 5) throw tooMany();
      return new OffsetId(OFFSET_PATTERNS[count - 1], 'Z');
    case 'x': {
      if (count > 5) throw tooMany();
      const zero = count === 1 ? '+00' : count % 2 === 0 ? '+0000' : '+00:00';
      return new OffsetId(OFFSET_PATTERNS[count - 1], zero);
    }
  }
  const field = FIELD_LETTERS[cur];
  if (!field) throw bad(`Unknown pattern letter: ${cur}`);
  const style = (n: number): TextStyle => (n === 4 ? 'FULL' : n === 5 ? 'NARROW' : 'SHORT');
  switch (cur) {
    case 'u': case 'y': case 'Y':
      if (count === 2) return new ReducedValue(field, 2000);
      if (count < 4) return new NumberValue(field, count, 19, 'NORMAL');
      return new NumberValue(field, count, 19, 'EXCEEDS_PAD');
    case 'c':
    case 'e':
      if (cur === 'c' && count === 2) throw bad('Invalid pattern "cc"');
      if (count === 1) return new NumberValue(field, 1, 19, 'NORMAL');
      if (count === 2) return new NumberValue(field, 2, 2, 'NOT_NEGATIVE');
      if (count > 5) throw tooMany();
      return new Text('DayOfWeek', style(count));
    case 'M': case 'L': case 'Q': case 'q':
      if (count === 1) return new NumberValue(field, 1, 19, 'NORMAL');
      if (count === 2) return new NumberValue(field, 2, 2, 'NOT_NEGATIVE');
      if (count > 5) throw tooMany();
      return new Text(field, style(count));
    case 'E': case 'G':
      if (count > 5) throw tooMany();
      return new Text(field, style(count));
    case 'a':
      if (count !== 1) throw tooMany();
      return new Text(field, 'SHORT');
    case 'S':
      if (count > 9) throw tooMany();
      return new Fraction(count);
    case 'd': case 'h': case 'H': case 'k': case 'K': case 'm': case 's': case 'w':
      if (count > 2) throw tooMany();
      return count === 1 ? new NumberValue(field, 1, 19, 'NORMAL') : new NumberValue(field, 2, 2, 'NOT_NEGATIVE');
    case 'D':
      if (count === 1) return new NumberValue(field, 1, 19, 'NORMAL');
      if (count === 2) return new NumberValue(field, 2, 3, 'NOT_NEGATIVE');
      if (count === 3) return new NumberValue(field, 3, 3, 'NOT_NEGATIVE');
      throw tooMany();
    case 'W': case 'F':
      if (count > 1) throw tooMany();
      return new NumberValue(field, 1, 19, 'NORMAL');
    default: // A, n, N
      if (count > 19) throw tooMany();
      return count === 1 ? new NumberValue(field, 1, 19, 'NORMAL') : new NumberValue(field, count, count, 'NOT_NEGATIVE');
  }
}

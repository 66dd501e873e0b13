// The printer-parsers a java.time pattern compiles to (DateTimeFormatterBuilder's inner classes):
// each prints its part of a temporal and parses its part of a text. parse() returns the position
// after what it read, or the bitwise complement (~pos) of where it failed, as Java does.
import { SqlError } from '../../src/types/sql-error.js';
import { getField, textsOf, type Field, type Temporal, type TextStyle } from './java-date-fields.js';
import type { ParseContext } from './java-date-parse-context.js';

export interface Element {
  format(t: Temporal, out: string[]): void;
  parse(ctx: ParseContext, text: string, pos: number): number;
}

export class Literal implements Element {
  constructor(readonly text: string) {}
  format(_t: Temporal, out: string[]): void { out.push(this.text); }
  parse(ctx: ParseContext, text: string, pos: number): number {
    if (this.text.length === 1) {
      return pos < text.length && ctx.charEquals(text[pos], this.text) ? pos + 1 : ~pos;
    }
    return ctx.regionEquals(text, pos, this.text) ? pos + this.text.length : ~pos;
  }
}

export type SignStyle = 'NORMAL' | 'NOT_NEGATIVE' | 'EXCEEDS_PAD';

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** appendValue: a number field; `subsequentWidth` digits are left for fixed-width neighbours. */
export class NumberValue implements Element {
  subsequentWidth = 0;
  constructor(readonly field: Field, readonly minWidth: number, readonly maxWidth: number, readonly sign: SignStyle) {}

  get isFixedWidth(): boolean { return this.minWidth === this.maxWidth && this.sign === 'NOT_NEGATIVE'; }

  protected valueOf(t: Temporal): number { return getField(t, this.field); }

  format(t: Temporal, out: string[]): void {
    const value = this.valueOf(t);
    const digits = String(Math.abs(value));
    if (digits.length > this.maxWidth) {
      throw new SqlError('EVALUATION_ERROR', `Field ${this.field} cannot be printed as the value ${value} exceeds the maximum print width of ${this.maxWidth}`);
    }
    let s = digits.padStart(this.minWidth, '0');
    if (value < 0) {
      if (this.sign === 'NOT_NEGATIVE') {
        throw new SqlError('EVALUATION_ERROR', `Field ${this.field} cannot be printed as the value ${value} cannot be negative according to the SignStyle`);
      }
      s = '-' + s;
    } else if (this.sign === 'EXCEEDS_PAD' && this.minWidth < 19 && value >= 10 ** this.minWidth) {
      s = '+' + s;
    }
    out.push(s);
  }

  parse(ctx: ParseContext, text: string, position: number): number {
    if (position === text.length) return ~position;
    let pos = position;
    const c = text[pos];
    let negative = false, positive = false;
    if (c === '+' || c === '-') {
      // Strict parsing: '+' only where it can be printed, '-' wherever negatives can.
      const ok = c === '+' ? this.sign === 'EXCEEDS_PAD' : this.sign !== 'NOT_NEGATIVE';
      if (!ok) return ~pos;
      negative = c === '-';
      positive = c === '+';
      pos++;
    }
    const effMin = this.minWidth;
    let effMax = this.maxWidth + Math.max(this.subsequentWidth, 0);
    let end = pos;
    for (let pass = 0; pass < 2; pass++) {
      const limit = Math.min(pos + effMax, text.length);
      end = pos;
      while (end < limit && isDigit(text[end])) end++;
      if (end - pos < effMin) return ~pos;
      if (this.subsequentWidth > 0 && pass === 0) {
        effMax = Math.max(effMin, end - pos - this.subsequentWidth);
        continue;
      }
      break;
    }
    let value = Number(text.slice(pos, end));
    if (negative) {
      if (value === 0) return ~(position);
      value = -value;
    } else if (this.sign === 'EXCEEDS_PAD') {
      const len = end - pos;
      if (positive && len <= this.minWidth) return ~position;
      if (!positive && len > this.minWidth) return ~pos;
    }
    return this.setValue(ctx, value, position, end);
  }

  protected setValue(ctx: ParseContext, value: number, errorPos: number, end: number): number {
    return ctx.setField(this.field, value, errorPos, end);
  }
}

/** appendValueReduced: 'yy' prints the last two digits and parses them into 2000-2099. */
export class ReducedValue extends NumberValue {
  constructor(field: Field, readonly baseValue: number) {
    super(field, 2, 2, 'NOT_NEGATIVE');
  }
  protected override valueOf(t: Temporal): number {
    return Math.abs(getField(t, this.field)) % 100;
  }
  protected override setValue(ctx: ParseContext, value: number, errorPos: number, end: number): number {
    // Two digits parse relative to the base year: '99' is 2099.
    let year = this.baseValue - (this.baseValue % 100) + value;
    if (year < this.baseValue) year += 100;
    return ctx.setField(this.field, year, errorPos, end);
  }
}

/** appendFraction without a decimal point: 'SSS' prints the leading digits of the nanosecond. */
export class Fraction extends NumberValue {
  constructor(width: number) {
    super('NanoOfSecond', width, width, 'NOT_NEGATIVE');
  }
  protected override valueOf(t: Temporal): number {
    return Math.floor(getField(t, 'NanoOfSecond') / 10 ** (9 - this.minWidth));
  }
  protected override setValue(ctx: ParseContext, value: number, errorPos: number, end: number): number {
    return ctx.setField('NanoOfSecond', value * 10 ** (9 - this.minWidth), errorPos, end);
  }
}

/** appendText: month, day and era names, AM/PM, quarters. */
export class Text implements Element {
  private readonly texts: Map<number, string>;
  private readonly byLength: [number, string][];
  constructor(readonly field: Field, readonly style: TextStyle) {
    this.texts = textsOf(field, style)!;
    this.byLength = [...this.texts].sort((a, b) => b[1].length - a[1].length);
  }
  format(t: Temporal, out: string[]): void {
    out.push(this.texts.get(getField(t, this.field)) ?? String(getField(t, this.field)));
  }
  parse(ctx: ParseContext, text: string, pos: number): number {
    if (pos > text.length) return ~pos;
    for (const [value, name] of this.byLength) {
      if (ctx.regionEquals(text, pos, name)) return ctx.setField(this.field, value, pos, pos + name.length);
    }
    return ~pos;
  }
}

/** optionalStart/optionalEnd: '[...]' prints what it can and parses if it can. */
export class Optional implements Element {
  constructor(readonly items: Element[]) {}
  format(t: Temporal, out: string[]): void {
    const part: string[] = [];
    try {
      for (const e of this.items) e.format(t, part);
    } catch (e) {
      if (e instanceof SqlError && e.message.startsWith('Unsupported field')) return;
      throw e;
    }
    out.push(...part);
  }
  parse(ctx: ParseContext, text: string, pos: number): number {
    const inner = ctx.copy();
    let p = pos;
    for (const e of this.items) {
      p = e.parse(inner, text, p);
      if (p < 0) return pos;
    }
    ctx.parsed = inner.parsed;
    return p;
  }
}

/** padNext: 'ppH' pads the next element with spaces to a width. */
export class Pad implements Element {
  constructor(readonly width: number, readonly item: Element) {}
  format(t: Temporal, out: string[]): void {
    const part: string[] = [];
    this.item.format(t, part);
    const s = part.join('');
    if (s.length > this.width) {
      throw new SqlError('EVALUATION_ERROR', `Cannot print as output of ${s.length} characters exceeds pad width of ${this.width}`);
    }
    out.push(s.padStart(this.width, ' '));
  }
  parse(ctx: ParseContext, text: string, pos: number): number {
    // Strict parsing needs the whole padded width.
    if (pos + this.width > text.length) return ~pos;
    const end = pos + this.width;
    let p = pos;
    while (p < end && text[p] === ' ') p++;
    const r = this.item.parse(ctx, text.slice(0, end), p);
    if (r >= 0 && r !== end) return ~(pos + p);
    return r;
  }
}

// What parsing a java.time pattern collects: field values and a zone, plus the case and
// strictness settings the elements consult (DateTimeParseContext).
import type { Field } from './java-date-fields.js';
import type { Zone } from './zone-id.js';

export interface Parsed {
  fields: Map<Field, number>;
  zone?: Zone;
}

export class ParseContext {
  parsed: Parsed = { fields: new Map() };

  constructor(readonly caseInsensitive: boolean) {}

  /** Records a field; a second, different value for the same field is a conflict (Java fails). */
  setField(field: Field, value: number, errorPos: number, endPos: number): number {
    const old = this.parsed.fields.get(field);
    if (old !== undefined && old !== value) return ~errorPos;
    this.parsed.fields.set(field, value);
    return endPos;
  }

  regionEquals(text: string, pos: number, match: string): boolean {
    if (pos + match.length > text.length) return false;
    const part = text.slice(pos, pos + match.length);
    return this.caseInsensitive ? part.toUpperCase() === match.toUpperCase() && part.toLowerCase() === match.toLowerCase() : part === match;
  }

  charEquals(a: string, b: string): boolean {
    return a === b || (this.caseInsensitive && (a.toUpperCase() === b.toUpperCase() || a.toLowerCase() === b.toLowerCase()));
  }

  /** A copy for an optional section, which is discarded if the section fails. */
  copy(): ParseContext {
    const c = new ParseContext(this.caseInsensitive);
    c.parsed = { fields: new Map(this.parsed.fields), zone: this.parsed.zone };
    return c;
  }
}

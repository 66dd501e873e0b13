// Offset and zone printer-parsers: 'X', 'x', 'Z' (offset IDs), 'O' and 'ZZZZ' (localized
// offsets such as "GMT+8"), 'VV' (zone IDs) and 'z' (zone names such as "PDT").
import { SqlError } from '../../src/types/sql-error.js';
import { UnsupportedFieldError, type Temporal } from './java-date-fields.js';
import type { Element } from './java-date-elements.js';
import type { ParseContext } from './java-date-parse-context.js';
import { offsetAt, zoneOf, UTC_ZONE, type Zone } from './zone-id.js';
import { matchZoneName, zoneName } from './zone-names.js';

function offsetOf(t: Temporal): number {
  if (t.offsetSeconds === undefined) throw new UnsupportedFieldError('OffsetSeconds');
  return t.offsetSeconds;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** appendOffset(pattern, noOffsetText), e.g. "+HH:MM" with "Z". */
export class OffsetId implements Element {
  private readonly colon: boolean;
  private readonly minutes: 'none' | 'optional' | 'required';
  private readonly seconds: 'none' | 'optional' | 'required';

  constructor(readonly pattern: string, readonly noOffsetText: string) {
    this.colon = pattern.includes(':');
    const body = pattern.replace(/:/g, '');
    this.minutes = body.includes('MM') ? 'required' : body.includes('mm') ? 'optional' : 'none';
    this.seconds = body.includes('SS') ? 'required' : body.includes('ss') ? 'optional' : 'none';
  }

  format(t: Temporal, out: string[]): void {
    const total = offsetOf(t);
    if (total === 0) { out.push(this.noOffsetText); return; }
    const a = Math.abs(total);
    const h = Math.floor(a / 3600), m = Math.floor(a / 60) % 60, s = a % 60;
    let text = (total < 0 ? '-' : '+') + two(h);
    const sep = this.colon ? ':' : '';
    if (this.minutes === 'required' || (this.minutes === 'optional' && (m > 0 || s > 0))) {
      text += sep + two(m);
      if (this.seconds === 'required' || (this.seconds === 'optional' && s > 0)) text += sep + two(s);
    }
    out.push(text);
  }

  parse(ctx: ParseContext, text: string, pos: number): number {
    if (pos === text.length) return ~pos;
    if (this.noOffsetText && ctx.regionEquals(text, pos, this.noOffsetText)) {
      return ctx.setField('OffsetSeconds', 0, pos, pos + this.noOffsetText.length);
    }
    const sign = text[pos];
    if (sign !== '+' && sign !== '-') return ~pos;
    let p = pos + 1;
    const digits2 = (): number | undefined => {
      if (/^\d\d/.test(text.slice(p, p + 2))) { const v = +text.slice(p, p + 2); p += 2; return v; }
      return undefined;
    };
    const h = digits2();
    if (h === undefined) return ~pos;
    let m = 0, s = 0;
    const part = (mode: 'none' | 'optional' | 'required'): number | undefined | null => {
      if (mode === 'none') return undefined;
      const save = p;
      if (this.colon) {
        if (text[p] !== ':') { p = save; return mode === 'required' ? null : undefined; }
        p++;
      }
      const v = digits2();
      if (v === undefined) { p = save; return mode === 'required' ? null : undefined; }
      return v;
    };
    const mm = part(this.minutes);
    if (mm === null) return ~pos;
    if (mm !== undefined) {
      m = mm;
      const ss = part(this.seconds);
      if (ss === null) return ~pos;
      if (ss !== undefined) s = ss;
    }
    if (h > 23 || m > 59 || s > 59) {
      throw new SqlError('EVALUATION_ERROR', 'Value out of range: Hour[0-23], Minute[0-59], Second[0-59]');
    }
    const total = (sign === '-' ? -1 : 1) * (h * 3600 + m * 60 + s);
    return ctx.setField('OffsetSeconds', total, pos, p);
  }
}

/** appendLocalizedOffset: "GMT+8" (short) or "GMT+08:00" (full); "GMT" for zero. */
export class LocalizedOffset implements Element {
  constructor(readonly full: boolean) {}

  format(t: Temporal, out: string[]): void {
    const total = offsetOf(t);
    if (total === 0) { out.push('GMT'); return; }
    const a = Math.abs(total);
    const h = Math.floor(a / 3600), m = Math.floor(a / 60) % 60, s = a % 60;
    let text = 'GMT' + (total < 0 ? '-' : '+');
    if (this.full) {
      text += two(h) + ':' + two(m) + (s ? ':' + two(s) : '');
    } else {
      text += String(h) + (m || s ? ':' + two(m) + (s ? ':' + two(s) : '') : '');
    }
    out.push(text);
  }

  parse(ctx: ParseContext, text: string, pos: number): number {
    if (!ctx.regionEquals(text, pos, 'GMT')) return ~pos;
    let p = pos + 3;
    const sign = text[p];
    if (sign !== '+' && sign !== '-') return ctx.setField('OffsetSeconds', 0, pos, p);
    p++;
    const hm = /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?/.exec(text.slice(p));
    if (!hm || (this.full && (hm[1].length !== 2 || hm[2] === undefined))) return ~pos;
    p += hm[0].length;
    const total = (sign === '-' ? -1 : 1) * (+hm[1] * 3600 + +(hm[2] ?? 0) * 60 + +(hm[3] ?? 0));
    return ctx.setField('OffsetSeconds', total, pos, p);
  }
}

function zoneOfTemporal(t: Temporal): Zone {
  if (!t.zone) throw new SqlError('EVALUATION_ERROR', `Unable to extract ZoneId from temporal ${t.display}`);
  return t.zone;
}

/** A zone ID, or "UTC+01:00"-style or bare offset, at `pos` (ZoneIdPrinterParser.parse). */
export function parseZoneIdAt(ctx: ParseContext, text: string, pos: number, names: boolean): number {
  const c = text[pos];
  if (c === '+' || c === '-') {
    const m = /^[+-]\d{1,2}(?::?\d{2}(?::?\d{2})?)?/.exec(text.slice(pos));
    if (!m) return ~pos;
    try {
      ctx.parsed.zone = zoneOf(m[0]);
    } catch {
      return ~pos;
    }
    return pos + m[0].length;
  }
  for (const prefix of ['UTC', 'GMT', 'UT']) {
    if (ctx.regionEquals(text, pos, prefix)) {
      let p = pos + prefix.length;
      const m = /^[+-]\d{1,2}(?::?\d{2}(?::?\d{2})?)?/.exec(text.slice(p));
      if (m) {
        try {
          ctx.parsed.zone = zoneOf(prefix + m[0]);
          return p + m[0].length;
        } catch { /* a bare prefix */ }
      }
      // "GMT0" is a zone ID of its own.
      if (prefix === 'GMT' && text[p] === '0') { ctx.parsed.zone = zoneOf('Etc/GMT'); return p + 1; }
      ctx.parsed.zone = prefix === 'UTC' ? UTC_ZONE : zoneOf(prefix);
      return p;
    }
  }
  // The longest zone ID (or, for 'z', zone name) that starts here.
  let best = -1;
  let zone: Zone | undefined;
  const idMatch = /^[A-Za-z][A-Za-z0-9~/._+-]*/.exec(text.slice(pos));
  if (idMatch) {
    for (let len = idMatch[0].length; len >= 2; len--) {
      const candidate = idMatch[0].slice(0, len);
      const id = ctx.caseInsensitive ? canonicalCase(candidate) : candidate;
      if (!id) continue;
      try {
        zone = zoneOf(id);
        best = pos + len;
        break;
      } catch { /* shorter */ }
    }
  }
  if (names) {
    const named = matchZoneName(text, pos, ctx.caseInsensitive);
    // A name that is also a zone ID ("EST") parses as the name's zone, as in the JDK's lookup tree.
    if (named && pos + named.length >= best) { zone = named.zone; best = pos + named.length; }
  }
  if (!zone) return ~pos;
  ctx.parsed.zone = zone;
  return best;
}

let idsByLower: Map<string, string> | undefined;
function canonicalCase(id: string): string | undefined {
  if (!idsByLower) {
    idsByLower = new Map();
    for (const z of Intl.supportedValuesOf('timeZone')) idsByLower.set(z.toLowerCase(), z);
  }
  return idsByLower.get(id.toLowerCase()) ?? id;
}

/** appendZoneId ('VV'): prints the zone ID; parses IDs and offsets. */
export class ZoneIdElement implements Element {
  format(t: Temporal, out: string[]): void { out.push(zoneOfTemporal(t).id); }
  parse(ctx: ParseContext, text: string, pos: number): number { return parseZoneIdAt(ctx, text, pos, false); }
}

/** appendZoneText ('z'): "PDT" or "Pacific Daylight Time"; parses names and IDs. */
export class ZoneText implements Element {
  constructor(readonly style: 'short' | 'long') {}
  format(t: Temporal, out: string[]): void {
    const zone = zoneOfTemporal(t);
    const epochMs = (t.epochDay ?? 0) * 86_400_000 + Math.floor((t.nanoOfDay ?? 0) / 1e6) - (t.offsetSeconds ?? 0) * 1000;
    out.push(zoneName(zone, epochMs, this.style, isDaylight(zone, epochMs)));
  }
  parse(ctx: ParseContext, text: string, pos: number): number { return parseZoneIdAt(ctx, text, pos, true); }
}

/** Daylight time: the offset is above the zone's lower offset of January and July. */
function isDaylight(zone: Zone, epochMs: number): boolean {
  if (zone.fixedSeconds !== undefined) return false;
  const year = new Date(epochMs).getUTCFullYear();
  const jan = offsetAt(zone, Date.UTC(year, 0, 1)), jul = offsetAt(zone, Date.UTC(year, 6, 1));
  return offsetAt(zone, epochMs) > Math.min(jan, jul);
}

// Time-zone names for the 'z' pattern letter, as the JDK prints and parses them in English:
// "PDT", "BST", "CEST", "Pacific Daylight Time". Intl knows each abbreviation only in the
// locale that uses it, so several English-speaking (and Japanese) locales are tried in turn;
// zones Intl has no abbreviation for fall back to the JDK's legacy names below.
import { UTC_ZONE, zoneOf, type Zone } from './zone-id.js';

const SHORT_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-NZ', 'ja-JP', 'en-CA', 'en-ZA', 'en-SG', 'en-HK', 'en-PH', 'en-KE', 'en-NG', 'en-IE'];

// JDK abbreviations ([standard, daylight]) Intl does not offer in any locale.
const LEGACY_SHORT: Record<string, [string, string]> = {
  'America/Sao_Paulo': ['BRT', 'BRST'], 'America/Argentina/Buenos_Aires': ['ART', 'ARST'],
  'America/Buenos_Aires': ['ART', 'ARST'], 'America/Bogota': ['COT', 'COST'], 'America/Lima': ['PET', 'PEST'],
  'America/Santiago': ['CLT', 'CLST'], 'America/Caracas': ['VET', 'VET'], 'America/Mexico_City': ['CST', 'CDT'],
  'Asia/Shanghai': ['CST', 'CDT'], 'Asia/Taipei': ['CST', 'CDT'], 'Asia/Dubai': ['GST', 'GDT'],
  'Asia/Seoul': ['KST', 'KDT'], 'Asia/Bangkok': ['ICT', 'ICT'], 'Asia/Jakarta': ['WIB', 'WIB'],
  'Asia/Karachi': ['PKT', 'PKST'], 'Asia/Dhaka': ['BDT', 'BDT'], 'Asia/Kathmandu': ['NPT', 'NPT'],
  'Asia/Tehran': ['IRST', 'IRDT'], 'Asia/Jerusalem': ['IST', 'IDT'], 'Asia/Riyadh': ['AST', 'ADT'],
  'Asia/Ho_Chi_Minh': ['ICT', 'ICT'], 'Asia/Kuala_Lumpur': ['MYT', 'MYT'], 'Europe/Moscow': ['MSK', 'MSD'],
  'Europe/Istanbul': ['TRT', 'TRT'], 'Asia/Singapore': ['SGT', 'SGT'], 'Asia/Hong_Kong': ['HKT', 'HKST'],
  'Asia/Manila': ['PHT', 'PHST'], 'Africa/Cairo': ['EET', 'EEST'], 'Africa/Lagos': ['WAT', 'WAST'],
  'Africa/Nairobi': ['EAT', 'EAT'], 'Africa/Johannesburg': ['SAST', 'SAST'],
};

// Where the JDK parses an abbreviation to a zone, the zone it picks.
const ABBREVIATION_ZONES: Record<string, string> = {
  PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles', PT: 'America/Los_Angeles',
  MST: 'America/Denver', MDT: 'America/Denver', MT: 'America/Denver',
  CST: 'America/Chicago', CDT: 'America/Chicago', CT: 'America/Chicago',
  EST: 'America/New_York', EDT: 'America/New_York', ET: 'America/New_York',
  AKST: 'America/Anchorage', AKDT: 'America/Anchorage', HST: 'Pacific/Honolulu', HDT: 'Pacific/Honolulu',
  AST: 'America/Halifax', ADT: 'America/Halifax', NST: 'America/St_Johns', NDT: 'America/St_Johns',
  GMT: 'GMT', UTC: 'UTC', UT: 'UT', BST: 'Europe/London', IST: 'Asia/Kolkata',
  WET: 'Europe/Lisbon', WEST: 'Europe/Lisbon', CET: 'Europe/Paris', CEST: 'Europe/Paris',
  EET: 'Europe/Bucharest', EEST: 'Europe/Bucharest', MSK: 'Europe/Moscow', JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul', HKT: 'Asia/Hong_Kong', SGT: 'Asia/Singapore', AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney', ACST: 'Australia/Adelaide', ACDT: 'Australia/Adelaide', AWST: 'Australia/Perth',
  NZST: 'Pacific/Auckland', NZDT: 'Pacific/Auckland', SAST: 'Africa/Johannesburg', BRT: 'America/Sao_Paulo',
  ART: 'America/Argentina/Buenos_Aires', WIB: 'Asia/Jakarta', PHT: 'Asia/Manila', EAT: 'Africa/Nairobi',
  WAT: 'Africa/Lagos', CAT: 'Africa/Maputo',
};

const nameFormats = new Map<string, Intl.DateTimeFormat>();

function zoneNameIn(locale: string, iana: string, style: 'short' | 'long', epochMs: number): string {
  const key = locale + ' ' + style + ' ' + iana;
  let f = nameFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: iana, timeZoneName: style });
    nameFormats.set(key, f);
  }
  return f.formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

const isGmtOffset = (s: string): boolean => /^(GMT|UTC)[+-−]/.test(s) || s === '';

/** The 'z' (style short) or 'zzzz' (style long) text of a zone at an instant. */
export function zoneName(zone: Zone, epochMs: number, style: 'short' | 'long', isDaylight: boolean): string {
  if (zone.fixedSeconds !== undefined) return zone.id;
  const iana = zone.iana!;
  if (zone.id === 'UTC' || zone.id === 'UT') return style === 'short' ? 'UTC' : 'Coordinated Universal Time';
  if (zone.id === 'GMT') return style === 'short' ? 'GMT' : 'Greenwich Mean Time';
  if (style === 'long') return zoneNameIn('en-US', iana, 'long', epochMs);
  const legacy = LEGACY_SHORT[iana];
  if (legacy) return legacy[isDaylight ? 1 : 0];
  for (const locale of SHORT_LOCALES) {
    const name = zoneNameIn(locale, iana, 'short', epochMs);
    if (!isGmtOffset(name)) return name;
  }
  const name = zoneNameIn('en-US', iana, 'short', epochMs).replace('−', '-');
  // Intl's "GMT+5:30" is the JDK's "GMT+05:30".
  const m = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(name);
  return m ? `GMT${m[1]}${m[2].padStart(2, '0')}:${m[3] ?? '00'}` : name === 'GMT' ? 'GMT' : name;
}

let longNames: Map<string, string> | undefined;

/** Every English long zone name ("Pacific Standard Time") with the zone it parses to. */
function longNameTable(): Map<string, string> {
  if (!longNames) {
    longNames = new Map();
    const year = new Date().getUTCFullYear();
    const instants = [Date.UTC(year, 0, 15), Date.UTC(year, 6, 15)];
    // The zones abbreviations stand for come first, so their long names parse to them too.
    for (const iana of Object.values(ABBREVIATION_ZONES)) {
      if (!iana.includes('/')) continue;
      for (const t of instants) longNames.set(zoneNameIn('en-US', iana, 'long', t), iana);
    }
    for (const iana of Intl.supportedValuesOf('timeZone')) {
      for (const t of instants) {
        const name = zoneNameIn('en-US', iana, 'long', t);
        if (!isGmtOffset(name) && !longNames.has(name)) longNames.set(name, iana);
      }
    }
  }
  return longNames;
}

let nameList: { name: string; upper: string; zoneId: string }[] | undefined;

/** Long names and abbreviations, longest first, each with the zone it parses to. */
function names(): { name: string; upper: string; zoneId: string }[] {
  if (!nameList) {
    const all = [...longNameTable(), ...Object.entries(ABBREVIATION_ZONES)];
    nameList = all.map(([name, zoneId]) => ({ name, upper: name.toUpperCase(), zoneId }));
    nameList.sort((a, b) => b.name.length - a.name.length);
  }
  return nameList;
}

/**
 * The longest zone name or abbreviation at `pos` of `text`, as the 'z' parser matches it:
 * returns the zone and the length matched, or undefined.
 */
export function matchZoneName(text: string, pos: number, caseInsensitive: boolean): { zone: Zone; length: number } | undefined {
  const rest = text.slice(pos);
  const upper = caseInsensitive ? rest.toUpperCase() : rest;
  for (const n of names()) {
    if (caseInsensitive ? upper.startsWith(n.upper) : rest.startsWith(n.name)) {
      return { zone: n.zoneId === 'UTC' ? UTC_ZONE : zoneOf(n.zoneId), length: n.name.length };
    }
  }
  return undefined;
}

// application/x-www-form-urlencoded as ksqlDB does it: Guava's urlFormParameterEscaper to
// encode, java.net.URLDecoder to decode.
import { SqlError } from '../../src/types/sql-error.js';

const SAFE = /^[a-zA-Z0-9\-_.*]$/;
const utf8 = new TextDecoder('utf-8', { fatal: false });
const fail = (message: string): never => { throw new SqlError('EVALUATION_ERROR', message); };

/** Letters, digits and -_.* stay; space becomes '+'; everything else is %XX of its UTF-8 bytes. */
export function formEncode(s: string): string {
  let out = '';
  for (const ch of s) {
    if (SAFE.test(ch)) { out += ch; continue; }
    if (ch === ' ') { out += '+'; continue; }
    const cp = ch.codePointAt(0) as number;
    if (cp >= 0xd800 && cp <= 0xdfff) fail(`Unpaired surrogate in URL parameter: ${s}`);
    for (const b of Buffer.from(ch, 'utf8')) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The value of the two chars after a '%', as Integer.parseInt(s, 16) reads them (a sign is allowed). */
function escapeValue(s: string, i: number): number {
  const text = s.slice(i + 1, i + 3);
  if (!/^[+-]?[0-9a-fA-F]+$/.test(text)) fail(`URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "${text}"`);
  const v = parseInt(text, 16);
  if (v < 0) fail('URLDecoder: Illegal hex characters in escape (%) pattern - negative value');
  return v;
}

/** URLDecoder.decode(s, UTF-8): '+' is a space, runs of %XX are UTF-8 bytes. */
export function formDecode(s: string): string {
  let out = '';
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (c === '+') { out += ' '; i++; continue; }
    if (c !== '%') { out += c; i++; continue; }
    const bytes: number[] = [];
    while (i + 2 < n && s[i] === '%') {
      bytes.push(escapeValue(s, i));
      i += 3;
    }
    if (i < n && s[i] === '%') fail('URLDecoder: Incomplete trailing escape (%) pattern');
    out += utf8.decode(Uint8Array.from(bytes));
  }
  return out;
}

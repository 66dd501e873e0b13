// JSON text the way Jackson reads and writes it, where that differs from JSON.parse/stringify.
import { JsonNumber, parseJsonExact } from './json-exact.js';
import { jacksonNumberText } from '../values/java-number.js';
import { NEED_EXACT } from './json-signals.js';

/** Jackson's node for empty input (readTree returns a MissingNode, not an error). */
export const MISSING: unique symbol = Symbol('MissingNode');

const ESCAPES: string[] = [];
for (let c = 0; c < 0x20; c++) ESCAPES[c] = '\\u00' + c.toString(16).toUpperCase().padStart(2, '0');
ESCAPES[0x08] = '\\b';
ESCAPES[0x09] = '\\t';
ESCAPES[0x0a] = '\\n';
ESCAPES[0x0c] = '\\f';
ESCAPES[0x0d] = '\\r';
ESCAPES[0x22] = '\\"';
ESCAPES[0x5c] = '\\\\';
const NEEDS_CARE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A JSON string literal as Jackson writes it: like JSON.stringify but \u001F (upper-case hex).
 * Jackson's UTF-8 output (`utf8`, what ksqlDB writes) also escapes every UTF-16 surrogate, so
 * "😀" comes out as "\uD83D\uDE00" (jackson-core#223); its String output keeps them.
 */
export function jacksonQuote(s: string, utf8 = true): string {
  if (!NEEDS_CARE.test(s)) return '"' + s + '"';
  let out = '"';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      if (!utf8) continue;
      out += s.slice(last, i) + '\\u' + c.toString(16).toUpperCase();
      last = i + 1;
      continue;
    }
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(last, i) + ESCAPES[c];
    last = i + 1;
  }
  return out + s.slice(last) + '"';
}

const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Parse the first JSON value of a payload as ObjectMapper.readTree does: empty input is MISSING
 * and text after a complete root value is ignored (Jackson stops reading there), except that a
 * root number must be followed by whitespace. `exact` keeps numbers as JsonNumber text.
 */
export function parseJsonRoot(text: string, exact: boolean): unknown {
  try {
    return exact ? parseJsonExact(text) : JSON.parse(text);
  } catch (e) {
    let start = 0;
    while (start < text.length && isWs(text.charCodeAt(start))) start++;
    if (start === text.length) return MISSING;
    const end = rootValueEnd(text, start);
    if (end < 0 || end === text.length) throw e;
    const first = text.charCodeAt(start);
    const isNumber = first === 45 || (first >= 48 && first <= 57);
    if (isNumber && !isWs(text.charCodeAt(end))) throw e;
    const head = text.slice(start, end);
    return exact ? parseJsonExact(head) : JSON.parse(head);
  }
}

/** End offset of the value starting at `i`, found by bracket matching; -1 if it never closes. */
function rootValueEnd(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first === 34) return stringEnd(text, i);
  if (first !== 123 && first !== 91) {
    let j = i;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (isWs(c) || c === 123 || c === 125 || c === 91 || c === 93 || c === 44 || c === 58 || c === 34) break;
      j++;
    }
    return j;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 34) {
      j = stringEnd(text, j) - 1;
      if (j < 0) return -1;
    } else if (c === 123 || c === 91) {
      depth++;
    } else if (c === 125 || c === 93) {
      if (--depth === 0) return j + 1;
    }
  }
  return -1;
}

function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 34) return j + 1;
  }
  return -1;
}

/**
 * A parsed JSON tree written back compactly as Jackson writes the Map/List it binds to
 * (ksqlDB's JSON object → STRING coercion). Needs exact numbers: a JS number throws NEED_EXACT.
 */
export function jacksonWriteTree(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return jacksonQuote(v, false);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof JsonNumber) return jacksonNumberText(v.text);
  if (typeof v === 'number') throw NEED_EXACT;
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i > 0 ? ',' : '') + jacksonWriteTree(v[i]);
    return out + ']';
  }
  let out = '{';
  let first = true;
  for (const k of Object.keys(v as object)) {
    out += (first ? '' : ',') + jacksonQuote(k, false) + ':' + jacksonWriteTree((v as Record<string, unknown>)[k]);
    first = false;
  }
  return out + '}';
}

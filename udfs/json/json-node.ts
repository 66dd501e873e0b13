// JSON trees as ksqlDB's JSON functions see them through Jackson: numbers keep their text (floats
// are exact BigDecimals, so "1.50" stays "1.50"), objects keep key order (a repeated key keeps its
// first place and its last value), and text after the first value is ignored, as
// ObjectMapper.readTree does. Empty input is the "missing" node.
import { SqlError } from '../../src/types/sql-error.js';
import { Decimal } from '../../src/types/decimal.js';
import { javaBigDecimal } from '../../src/values/java-string.js';

export type JsonNode =
  | { t: 'null' }
  | { t: 'bool'; v: boolean }
  | { t: 'int'; text: string }
  | { t: 'float'; text: string }
  | { t: 'str'; v: string }
  | { t: 'arr'; items: JsonNode[] }
  | { t: 'obj'; fields: Map<string, JsonNode> };

export const MISSING = Symbol('missing');
export type ParseResult = JsonNode | typeof MISSING;

export class JsonParseError extends SqlError {
  constructor(message: string) {
    super('EVALUATION_ERROR', message);
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** Reads JSON values one at a time from a text (a Jackson parser over it). */
export class JsonReader {
  pos = 0;
  constructor(readonly text: string) {}

  skipWs(): void {
    while (this.pos < this.text.length && WS.has(this.text[this.pos])) this.pos++;
  }

  atEnd(): boolean {
    this.skipWs();
    return this.pos >= this.text.length;
  }

  fail(what: string): never {
    throw new JsonParseError(`${what} at position ${this.pos}`);
  }

  value(): JsonNode {
    this.skipWs();
    const text = this.text;
    const c = text[this.pos];
    if (c === undefined) this.fail('Unexpected end-of-input');
    if (c === '{') {
      this.pos++;
      const fields = new Map<string, JsonNode>();
      this.skipWs();
      if (text[this.pos] === '}') { this.pos++; return { t: 'obj', fields }; }
      for (;;) {
        this.skipWs();
        if (text[this.pos] !== '"') this.fail('Expected a field name');
        const key = this.string();
        this.skipWs();
        if (text[this.pos] !== ':') this.fail("Expected ':'");
        this.pos++;
        fields.set(key, this.value());
        this.skipWs();
        if (text[this.pos] === ',') { this.pos++; continue; }
        if (text[this.pos] === '}') { this.pos++; return { t: 'obj', fields }; }
        this.fail("Expected ',' or '}'");
      }
    }
    if (c === '[') {
      this.pos++;
      const items: JsonNode[] = [];
      this.skipWs();
      if (text[this.pos] === ']') { this.pos++; return { t: 'arr', items }; }
      for (;;) {
        items.push(this.value());
        this.skipWs();
        if (text[this.pos] === ',') { this.pos++; continue; }
        if (text[this.pos] === ']') { this.pos++; return { t: 'arr', items }; }
        this.fail("Expected ',' or ']'");
      }
    }
    if (c === '"') return { t: 'str', v: this.string() };
    for (const [word, node] of [['true', { t: 'bool', v: true }], ['false', { t: 'bool', v: false }], ['null', { t: 'null' }]] as const) {
      if (text.startsWith(word, this.pos) && !/[A-Za-z0-9_]/.test(text[this.pos + word.length] ?? '')) {
        this.pos += word.length;
        return node;
      }
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(text);
    if (m && !/[A-Za-z0-9_.]/.test(text[this.pos + m[0].length] ?? '')) {
      this.pos += m[0].length;
      return m[1] === undefined && m[2] === undefined ? { t: 'int', text: m[0] } : { t: 'float', text: m[0] };
    }
    this.fail(`Unrecognized token starting with '${c}'`);
  }

  private string(): string {
    const text = this.text;
    let out = '';
    let start = ++this.pos;
    for (;;) {
      if (this.pos >= text.length) this.fail('Unexpected end-of-input in a string');
      const code = text.charCodeAt(this.pos);
      if (code === 34) { out += text.slice(start, this.pos); this.pos++; return out; }
      if (code < 32) this.fail('Illegal unquoted character in a string');
      if (code === 92) {
        out += text.slice(start, this.pos);
        const e = text[this.pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          this.pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(this.pos + 2, this.pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
        } else {
          this.fail('Unrecognized character escape');
        }
        start = this.pos;
        continue;
      }
      this.pos++;
    }
  }
}

/** ObjectMapper.readTree: the first value of the text; MISSING for blank text. */
export function parseJson(text: string): ParseResult {
  const r = new JsonReader(text);
  if (r.atEnd()) return MISSING;
  return r.value();
}

/** parseJson for the functions: invalid JSON fails as KsqlFunctionException does. */
export function parseJsonOrFail(text: string): ParseResult {
  try {
    return parseJson(text);
  } catch (e) {
    throw new SqlError('EVALUATION_ERROR', `Invalid JSON format:${text}`, { cause: e });
  }
}

/** A JSON string literal with Jackson's escapes (upper-case hex, no escaping of '/' or non-ASCII). */
export function quoteJson(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92) continue;
    out += s.slice(start, i);
    start = i + 1;
    switch (c) {
      case 34: out += '\\"'; break;
      case 92: out += '\\\\'; break;
      case 8: out += '\\b'; break;
      case 9: out += '\\t'; break;
      case 10: out += '\\n'; break;
      case 12: out += '\\f'; break;
      case 13: out += '\\r'; break;
      default: out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
    }
  }
  return out + s.slice(start) + '"';
}

/**
 * Compact JSON text of a node. `plainDecimals` is ObjectMapper with WRITE_BIGDECIMAL_AS_PLAIN
 * (JSON_CONCAT); without it, as JsonNode.toString() prints ("1E+3").
 */
export function writeJson(node: JsonNode, plainDecimals: boolean): string {
  switch (node.t) {
    case 'null': return 'null';
    case 'bool': return node.v ? 'true' : 'false';
    case 'int': return BigInt(node.text).toString();
    case 'float': {
      const d = Decimal.fromString(node.text);
      return plainDecimals ? d.toString() : javaBigDecimal(exactDecimal(node.text));
    }
    case 'str': return quoteJson(node.v);
    case 'arr': return '[' + node.items.map((n) => writeJson(n, plainDecimals)).join(',') + ']';
    case 'obj': {
      const parts: string[] = [];
      for (const [k, v] of node.fields) parts.push(quoteJson(k) + ':' + writeJson(v, plainDecimals));
      return '{' + parts.join(',') + '}';
    }
  }
}

/** new BigDecimal(text), keeping a negative scale ("1E+3" is 1 with scale -3). */
function exactDecimal(text: string): Decimal {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text)!;
  const frac = m[3] ?? '';
  const scale = frac.length - (m[4] ? parseInt(m[4], 10) : 0);
  const unscaled = BigInt(m[2] + frac);
  return new Decimal(m[1] === '-' ? -unscaled : unscaled, scale);
}

/** JsonNode.toString() for a value, but a string's bare text (asText) where ksqlDB uses that. */
export function nodeText(node: JsonNode): string {
  return node.t === 'str' ? node.v : writeJson(node, false);
}

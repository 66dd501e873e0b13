// A JSON parser that keeps numbers exact: every number comes back as a JsonNumber holding its
// text, so DECIMAL scale ("1.50") and 64-bit integers survive. JSON.parse is faster; use this
// only where exactness matters. Optionally skips // and /* */ comments (QTT files have them).

export class JsonNumber {
  constructor(readonly text: string) {}
  toNumber(): number { return Number(this.text); }
  get isInteger(): boolean { return !/[.eE]/.test(this.text); }
  toJSON(): number { return Number(this.text); }
}

export class JsonSyntaxError extends SyntaxError {
  constructor(message: string, readonly offset: number) { super(`${message} at offset ${offset}`); }
}

export function parseJsonExact(text: string, opts: { comments?: boolean } = {}): unknown {
  let i = 0;
  const n = text.length;

  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) { i++; continue; }
      if (opts.comments && c === 47 /* / */) {
        const d = text.charCodeAt(i + 1);
        if (d === 47) { while (i < n && text.charCodeAt(i) !== 10) i++; continue; }
        if (d === 42) {
          const end = text.indexOf('*/', i + 2);
          if (end < 0) throw new JsonSyntaxError('unterminated comment', i);
          i = end + 2; continue;
        }
      }
      break;
    }
  };

  const str = (): string => {
    // text[i] === '"'
    let out = '';
    let start = ++i;
    for (;;) {
      if (i >= n) throw new JsonSyntaxError('unterminated string', start - 1);
      const c = text.charCodeAt(i);
      if (c === 34) { out += text.slice(start, i); i++; return out; }
      if (c === 92) {
        out += text.slice(start, i);
        const e = text[i + 1];
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = text.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('bad \\u escape', i);
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default: throw new JsonSyntaxError('bad escape', i);
        }
        i += 2;
        start = i;
        continue;
      }
      i++;
    }
  };

  const NUM = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  const value = (): unknown => {
    ws();
    if (i >= n) throw new JsonSyntaxError('unexpected end of input', i);
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') { i++; return obj; }
      for (;;) {
        ws();
        if (text[i] !== '"') throw new JsonSyntaxError('expected a field name', i);
        const k = str();
        ws();
        if (text[i] !== ':') throw new JsonSyntaxError("expected ':'", i);
        i++;
        obj[k] = value();
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return obj; }
        throw new JsonSyntaxError("expected ',' or '}'", i);
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') { i++; return arr; }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return arr; }
        throw new JsonSyntaxError("expected ',' or ']'", i);
      }
    }
    if (c === '"') return str();
    if (text.startsWith('true', i)) { i += 4; return true; }
    if (text.startsWith('false', i)) { i += 5; return false; }
    if (text.startsWith('null', i)) { i += 4; return null; }
    NUM.lastIndex = i;
    const m = NUM.exec(text);
    if (m) { i += m[0].length; return new JsonNumber(m[0]); }
    throw new JsonSyntaxError(`unexpected character '${c}'`, i);
  };

  const v = value();
  ws();
  if (i < n) throw new JsonSyntaxError('unexpected text after the value', i);
  return v;
}

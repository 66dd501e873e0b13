// java.net.URI's parser (RFC 2396 with Java's deviations), which ksqlDB's URL functions use.
// Components come back raw; uriDecode() gives what the URI getters (getPath, getQuery...) return.
import { SqlError } from '../../src/types/sql-error.js';

export interface JavaUri {
  scheme: string | null;
  /** Set for a server-based authority that parsed; null for a registry-based one. */
  host: string | null;
  port: number;
  userInfo: string | null;
  authority: string | null;
  /** null for an opaque URI (mailto:x); '' when a hierarchical URI has no path. */
  path: string | null;
  query: string | null;
  fragment: string | null;
}

type CharSet = (c: number) => boolean;

const chars = (s: string): CharSet => {
  const set = new Set(Array.from(s, (ch) => ch.charCodeAt(0)));
  return (c) => set.has(c);
};
const union = (...sets: CharSet[]): CharSet => (c) => sets.some((s) => s(c));

const ALPHA: CharSet = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const DIGIT: CharSet = (c) => c >= 48 && c <= 57;
const ALPHANUM = union(ALPHA, DIGIT);
const HEX: CharSet = (c) => DIGIT(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const UNRESERVED = union(ALPHANUM, chars("-_.!~*'()"));
const RESERVED = chars(';/?:@&=+$,[]');
const URIC = union(RESERVED, UNRESERVED);
const PCHAR = union(UNRESERVED, chars(':@&=+$,'));
const PATH = union(PCHAR, chars(';/'));
const DASH = chars('-');
const DOT = chars('.');
const USERINFO = union(UNRESERVED, chars(';:&=+$,'));
const REG_NAME = union(UNRESERVED, chars('$,;:@&=+'));
const SERVER = union(USERINFO, ALPHANUM, DASH, chars('.:@[]'));
const SERVER_PERCENT = union(SERVER, chars('%'));
const SCHEME = union(ALPHA, DIGIT, chars('+-.'));
const SCOPE_ID = union(ALPHANUM, chars('_.'));
const IPV6 = union(HEX, chars(':.'));

class UriSyntax extends Error {}

/** Visible non-ASCII characters are allowed unescaped wherever escapes are. */
const isOther = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  return c > 128 && !/[\p{Zs}\u2028\u2029]/u.test(ch) && !(c >= 0x7f && c <= 0x9f);
};

class Parser {
  private readonly u: JavaUri = {
    scheme: null, host: null, port: -1, userInfo: null, authority: null, path: null, query: null, fragment: null,
  };

  constructor(private readonly input: string) {}

  parse(): JavaUri {
    const { input } = this;
    const n = input.length;
    let p = this.scanUntil(0, n, '/?#', ':');
    if (p >= 0 && this.at(p, n, ':')) {
      if (p === 0) this.fail('Expected scheme name', 0);
      this.checkChars(0, 1, ALPHA, false, 'scheme name');
      this.checkChars(1, p, SCHEME, false, 'scheme name');
      this.u.scheme = input.slice(0, p);
      p++;
      if (this.at(p, n, '/')) {
        p = this.parseHierarchical(p, n);
      } else {
        const q = this.scanUntil(p, n, '', '#');
        if (q <= p) this.fail('Expected scheme-specific part', p);
        this.checkChars(p, q, URIC, true, 'opaque part');
        p = q;
      }
    } else {
      p = this.parseHierarchical(0, n);
    }
    if (this.at(p, n, '#')) {
      this.checkChars(p + 1, n, URIC, true, 'fragment');
      this.u.fragment = input.slice(p + 1);
      p = n;
    }
    if (p < n) this.fail('end of URI', p);
    return this.u;
  }

  private fail(reason: string, at: number): never {
    throw new UriSyntax(`${reason} at index ${at}: ${this.input}`);
  }

  private at(p: number, n: number, ch: string): boolean {
    return p < n && this.input[p] === ch;
  }

  /** Index of the first `stop` char (or n); -1 when an `err` char comes first. */
  private scanUntil(start: number, n: number, err: string, stop: string): number {
    let p = start;
    for (; p < n; p++) {
      const ch = this.input[p];
      if (err.includes(ch)) return -1;
      if (stop.includes(ch)) break;
    }
    return p;
  }

  /** Index of the first char not in `set` (escapes and visible non-ASCII allowed when `escapes`). */
  private scan(start: number, n: number, set: CharSet, escapes: boolean): number {
    let p = start;
    while (p < n) {
      const ch = this.input[p];
      if (set(ch.charCodeAt(0))) { p++; continue; }
      if (escapes) {
        if (ch === '%') {
          if (p + 3 <= n && HEX(this.input.charCodeAt(p + 1)) && HEX(this.input.charCodeAt(p + 2))) { p += 3; continue; }
          this.fail('Malformed escape pair', p);
        }
        if (isOther(ch)) { p++; continue; }
      }
      break;
    }
    return p;
  }

  private checkChars(start: number, end: number, set: CharSet, escapes: boolean, what: string): void {
    const p = this.scan(start, end, set, escapes);
    if (p < end) this.fail(`Illegal character in ${what}`, p);
  }

  private parseHierarchical(start: number, n: number): number {
    const { input } = this;
    let p = start;
    if (this.at(p, n, '/') && this.at(p + 1, n, '/')) {
      p += 2;
      const q = this.scanUntil(p, n, '', '/?#');
      if (q > p) p = this.parseAuthority(p, q);
      else if (q >= n) this.fail('Expected authority', p);
    }
    let q = this.scanUntil(p, n, '', '?#');
    this.checkChars(p, q, PATH, true, 'path');
    this.u.path = input.slice(p, q);
    p = q;
    if (this.at(p, n, '?')) {
      p++;
      q = this.scanUntil(p, n, '', '#');
      this.checkChars(p, q, URIC, true, 'query');
      this.u.query = input.slice(p, q);
      p = q;
    }
    return p;
  }

  private parseAuthority(start: number, n: number): number {
    const { input } = this;
    const serverSet = input.slice(start, n).includes(']') ? SERVER_PERCENT : SERVER;
    const serverChars = this.safeScan(start, n, serverSet) === n;
    const regChars = this.safeScan(start, n, REG_NAME) === n;
    if (regChars && !serverChars) {
      this.u.authority = input.slice(start, n);
      return n;
    }
    let q = start;
    let failure: UriSyntax | undefined;
    if (serverChars) {
      try {
        q = this.parseServer(start, n);
        if (q < n) this.fail('Expected end of authority', q);
        this.u.authority = input.slice(start, n);
      } catch (e) {
        if (!(e instanceof UriSyntax)) throw e;
        // Not a server after all: it may still be a registry-based authority.
        this.u.userInfo = null;
        this.u.host = null;
        this.u.port = -1;
        failure = e;
        q = start;
      }
    }
    if (q < n) {
      if (regChars) this.u.authority = input.slice(start, n);
      else if (failure) throw failure;
      else this.fail('Illegal character in authority', q);
    }
    return n;
  }

  /** scan() that reports a malformed escape as "stops here" rather than failing. */
  private safeScan(start: number, n: number, set: CharSet): number {
    try {
      return this.scan(start, n, set, true);
    } catch (e) {
      if (e instanceof UriSyntax) return -1;
      throw e;
    }
  }

  private parseServer(start: number, n: number): number {
    const { input } = this;
    let p = start;
    let q = this.scanUntil(p, n, '/?#', '@');
    if (q >= p && this.at(q, n, '@')) {
      this.checkChars(p, q, USERINFO, true, 'user info');
      this.u.userInfo = input.slice(p, q);
      p = q + 1;
    }
    if (this.at(p, n, '[')) {
      p++;
      q = this.scanUntil(p, n, '/?#', ']');
      if (!(q > p && this.at(q, n, ']'))) this.fail('Expected closing bracket for IPv6 address', q);
      const r = this.scanUntil(p, q, '', '%');
      this.checkChars(p, r, IPV6, false, 'IPv6 address');
      if (!input.slice(p, r).includes(':')) this.fail('Malformed IPv6 address', p);
      if (r < q) {
        if (r + 1 === q) this.fail('scope id expected', r);
        this.checkChars(r + 1, q, SCOPE_ID, false, 'scope id');
      }
      this.u.host = input.slice(p - 1, q + 1);
      p = q + 1;
    } else {
      q = this.parseIPv4Address(p, n);
      if (q <= p) q = this.parseHostname(p, n);
      p = q;
    }
    if (this.at(p, n, ':')) {
      p++;
      q = this.scan(p, n, DIGIT, false);
      if (q > p) {
        const port = Number(input.slice(p, q));
        if (port > 2147483647) this.fail('Malformed port number', p);
        this.u.port = port;
        p = q;
      }
    }
    if (p < n) this.fail('Expected port number', p);
    return p;
  }

  /** A dotted quad of bytes followed by the end or ':' (its end index), else -1. */
  private parseIPv4Address(start: number, n: number): number {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})/.exec(this.input.slice(start, n));
    if (!m || m.slice(1).some((b) => Number(b) > 255)) return -1;
    const end = start + m[0].length;
    if (end < n && this.input[end] !== ':') return -1;
    // A digits-and-dots run longer than the address is a malformed one, not a hostname.
    if (end < n && /[\d.]/.test(this.input[end])) return -1;
    this.u.host = this.input.slice(start, end);
    return end;
  }

  /** hostname = *( domainlabel "." ) toplabel [ "." ], labels alphanumeric with inner dashes. */
  private parseHostname(start: number, n: number): number {
    const { input } = this;
    let p = start;
    let last = -1;
    do {
      let q = this.scan(p, n, ALPHANUM, false);
      if (q <= p) break;
      last = p;
      p = q;
      q = this.scan(p, n, union(ALPHANUM, DASH), false);
      if (q > p) {
        if (input[q - 1] === '-') this.fail('Illegal character in hostname', q - 1);
        p = q;
      }
      q = this.scan(p, n, DOT, false);
      if (q <= p) break;
      p = q;
    } while (p < n);
    if (p < n && !this.at(p, n, ':')) this.fail('Illegal character in hostname', p);
    if (last < 0) this.fail('Expected hostname', start);
    if (last > start && !ALPHA(input.charCodeAt(last))) this.fail('Illegal character in hostname', last);
    this.u.host = input.slice(start, p);
    return p;
  }
}

/** new URI(url); a syntax error fails the call, as ksqlDB's UrlParser does. */
export function parseUri(url: string): JavaUri {
  try {
    return new Parser(url).parse();
  } catch (e) {
    if (e instanceof UriSyntax) {
      throw new SqlError('EVALUATION_ERROR', `URL input has invalid syntax: ${url}`, { cause: e });
    }
    throw e;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** URI.decode: each run of %XX escapes is read as UTF-8 (undecodable bytes become U+FFFD). */
export function uriDecode(s: string | null): string | null {
  if (s === null || !s.includes('%')) return s;
  return s.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    return utf8.decode(bytes);
  });
}

// Java regular expression syntax (java.util.regex) → one of two dialects:
// - 're2' for re2js (linear time). Constructs RE2 cannot run (back references, lookaround,
//   atomic groups, possessive quantifiers) throw NeedsBacktracking. Anchors that depend on line
//   terminators ($, \Z, ^ and $ in MULTILINE) become \A/\z and mark the pattern lineSensitive:
//   exact on input without line terminators, which the caller checks.
// - 'js' for JS RegExp (flags 'gu'), exact for the anchors, used when RE2 cannot be.
//
// Known approximations: inline flags apply to the whole pattern for (?i); \S inside a class uses
// JS whitespace (js); case-insensitivity folds Unicode (Java folds ASCII unless (?u)). Unsupported
// (an error, as an invalid pattern): \G, \X, \N{...}, class intersection (&&), nested classes
// inside a negated class, Unicode blocks (\p{InGreek}).
import { translateProperty } from './java-regex-properties.js';

export type Dialect = 're2' | 'js';

/** The pattern is not valid Java syntax (or uses a construct we do not support). */
export class PatternSyntax extends Error {}

/** The pattern needs a backtracking engine; the message names the construct. */
export class NeedsBacktracking extends Error {}

const TERMINATORS = '\\n\\r\\x85\\u2028\\u2029';
const START = '(?<![\\s\\S])';
const END = '(?![\\s\\S])';
const NOT_IN_CRLF = '(?!(?<=\\r)\\n)';
const DOT = `[^${TERMINATORS}]`;
const DOT_ALL = '[\\s\\S]';
const DOLLAR = `(?=(?:\\r\\n|[${TERMINATORS}])?${END})${NOT_IN_CRLF}`;
const DOLLAR_MULTILINE = `(?=[${TERMINATORS}]|${END})${NOT_IN_CRLF}`;
const CARET_MULTILINE = `(?:${START}|(?<=[${TERMINATORS}])${NOT_IN_CRLF}(?=[\\s\\S]))`;
const JAVA_SPACE = '\\t-\\r ';
const HORIZONTAL = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const VERTICAL = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';
const LINEBREAK = '(?:\\r\\n|[\\n\\x0B\\f\\r\\x85\\u2028\\u2029])';
/** RE2 spells code points \x{...}, not \u.... */
const re2Escapes = (js: string): string => js.replace(/\\u([0-9A-Fa-f]{4})/g, '\\x{$1}');

interface Syntax {
  dot: string; dotAll: string; start: string; end: string;
  dollar: string; dollarMultiline: string; caretMultiline: string;
  space: string; horizontal: string; vertical: string; linebreak: string;
  /** \S inside a class. */
  notSpaceInClass: string;
}

const JS_SYNTAX: Syntax = {
  dot: DOT, dotAll: DOT_ALL, start: START, end: END,
  dollar: DOLLAR, dollarMultiline: DOLLAR_MULTILINE, caretMultiline: CARET_MULTILINE,
  space: JAVA_SPACE, horizontal: HORIZONTAL, vertical: VERTICAL, linebreak: LINEBREAK,
  notSpaceInClass: '\\S',
};

const RE2_SYNTAX: Syntax = {
  dot: re2Escapes(DOT), dotAll: '(?s:.)', start: '\\A', end: '\\z',
  dollar: '\\z', dollarMultiline: '\\z', caretMultiline: '\\A',
  space: JAVA_SPACE, horizontal: re2Escapes(HORIZONTAL), vertical: re2Escapes(VERTICAL), linebreak: re2Escapes(LINEBREAK),
  // POSIX space is Java's \s exactly: [ \t\n\x0B\f\r].
  notSpaceInClass: '[:^space:]',
};

const SYNTAX_OUTSIDE = new Set('^$\\.*+?()[]{}|/');
const SYNTAX_INSIDE = new Set('\\]^-[');
const COMMENT_SPACE = /[ \t\n\x0B\f\r]/;
const BACKREF_MARK = '\u0000';

type ClassAtom = { cp: number; set?: undefined } | { set: string };

interface OpenGroup {
  start: number;
  close: string;
  /** Flags to restore when a scoped (?flags:...) group closes. */
  saved?: { multiline: boolean; dotall: boolean; comments: boolean };
}

function hexEscape(cp: number, re2: boolean): string {
  return re2 ? `\\x{${cp.toString(16)}}` : `\\u{${cp.toString(16)}}`;
}

/** A literal code point outside a class, escaped where JS would read it as syntax. */
function litOutside(cp: number, re2: boolean): string {
  const ch = String.fromCodePoint(cp);
  if (SYNTAX_OUTSIDE.has(ch)) return `\\${ch}`;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff)) return hexEscape(cp, re2);
  return ch;
}

function litInside(cp: number, re2: boolean): string {
  const ch = String.fromCodePoint(cp);
  if (SYNTAX_INSIDE.has(ch)) return `\\${ch}`;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff)) return hexEscape(cp, re2);
  return ch;
}

export class Translator {
  private pos = 0;
  private out = '';
  private groups = 0;
  private atomics = 0;
  private atomStart = -1;
  private readonly open: OpenGroup[] = [];
  readonly names: string[] = [''];
  readonly named = new Map<string, number>();
  caseInsensitive = false;
  private multiline = false;
  private dotall = false;
  private comments = false;

  /** Uses an anchor whose meaning depends on line terminators (re2 dialect). */
  lineSensitive = false;
  private readonly re2: boolean;
  private readonly syn: Syntax;

  constructor(private readonly src: string, dialect: Dialect) {
    this.re2 = dialect === 're2';
    this.syn = this.re2 ? RE2_SYNTAX : JS_SYNTAX;
  }

  translate(): string {
    const { src } = this;
    while (this.pos < src.length) {
      if (this.comments && this.skipComment()) continue;
      const c = src[this.pos];
      switch (c) {
        case '\\': this.escape(); break;
        case '[': { const start = this.out.length; this.out += this.charClass(); this.atomStart = start; break; }
        case '(': this.openGroup(); break;
        case ')': this.closeGroup(); break;
        case '|': this.pos++; this.out += '|'; this.atomStart = -1; break;
        case '*': case '+': case '?': case '{': this.quantifier(); break;
        case '.': this.pos++; this.atom(this.dotall ? this.syn.dotAll : this.syn.dot); break;
        case '^': this.pos++; this.anchor(this.multiline ? this.lineAnchor(this.syn.caretMultiline) : this.syn.start); break;
        case '$': this.pos++; this.anchor(this.lineAnchor(this.multiline ? this.syn.dollarMultiline : this.syn.dollar)); break;
        default: this.atom(litOutside(this.readCodePoint(), this.re2)); break;
      }
    }
    if (this.open.length > 0) throw new PatternSyntax('Unclosed group');
    if (this.re2) return this.out;
    // Numeric back references resolve once every group is known (they may point forward).
    return this.out.replace(/\u0000(\d+)\u0000/g, (_, n: string) => {
      const ref = Number(n);
      return ref <= this.groups ? `\\k<${this.names[ref]}>` : '(?!)';
    });
  }

  get groupCount(): number { return this.groups; }

  private atom(text: string): void {
    this.atomStart = this.out.length;
    this.out += text;
  }

  private lineAnchor(text: string): string {
    this.lineSensitive = true;
    return text;
  }

  private backtracking(construct: string): void {
    if (this.re2) throw new NeedsBacktracking(construct);
  }

  private anchor(text: string): void {
    this.out += text;
    this.atomStart = -1;
  }

  private readCodePoint(): number {
    const cp = this.src.codePointAt(this.pos) as number;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  /** In (?x) mode: skips whitespace or a # comment, returning whether it did. */
  private skipComment(): boolean {
    const c = this.src[this.pos];
    if (COMMENT_SPACE.test(c)) { this.pos++; return true; }
    if (c === '#') {
      while (this.pos < this.src.length && !/[\n\r\x85\u2028\u2029]/.test(this.src[this.pos])) this.pos++;
      return true;
    }
    return false;
  }

  private escape(): void {
    const { src } = this;
    this.pos++;
    if (this.pos >= src.length) throw new PatternSyntax('Unexpected internal error');
    const c = src[this.pos++];
    switch (c) {
      case 'd': case 'D': case 'w': case 'W': this.atom(`\\${c}`); return;
      case 's': this.atom(`[${this.syn.space}]`); return;
      case 'S': this.atom(`[^${this.syn.space}]`); return;
      case 'h': this.atom(`[${this.syn.horizontal}]`); return;
      case 'H': this.atom(`[^${this.syn.horizontal}]`); return;
      case 'v': this.atom(`[${this.syn.vertical}]`); return;
      case 'V': this.atom(`[^${this.syn.vertical}]`); return;
      case 'R': this.atom(this.syn.linebreak); return;
      case 'b': case 'B':
        if (src[this.pos] === '{') throw new PatternSyntax('\\b{g} is not supported');
        this.anchor(`\\${c}`);
        return;
      case 'A': this.anchor(this.syn.start); return;
      case 'z': this.anchor(this.syn.end); return;
      case 'Z': this.anchor(this.lineAnchor(this.syn.dollar)); return;
      case 'G': case 'X': case 'N': throw new PatternSyntax(`\\${c} is not supported`);
      case 'Q': for (const cp of this.quoted()) this.atom(litOutside(cp, this.re2)); return;
      case 'p': case 'P': this.atom(this.property(c === 'P', false)); return;
      case 'k': this.namedBackReference(); return;
      default:
        if (c >= '1' && c <= '9') { this.numericBackReference(c.charCodeAt(0) - 48); return; }
        this.atom(litOutside(this.escapedCodePoint(c), this.re2));
    }
  }

  /** The text of \Q...\E (after \Q) as code points. */
  private quoted(): number[] {
    const end = this.src.indexOf('\\E', this.pos);
    const text = this.src.slice(this.pos, end < 0 ? this.src.length : end);
    this.pos = end < 0 ? this.src.length : end + 2;
    return Array.from(text, (ch) => ch.codePointAt(0) as number);
  }

  /** \p{Name} or \pL (after the p), as an atom outside a class or contents inside one. */
  private property(negated: boolean, inClass: boolean): string {
    const { src } = this;
    let name: string;
    if (src[this.pos] === '{') {
      const close = src.indexOf('}', this.pos);
      if (close < 0) throw new PatternSyntax('Unclosed character family');
      name = src.slice(this.pos + 1, close);
      this.pos = close + 1;
    } else {
      if (this.pos >= src.length) throw new PatternSyntax('Illegal character family');
      name = src[this.pos++];
    }
    let t;
    try {
      t = translateProperty(name);
    } catch (e) {
      throw new PatternSyntax((e as Error).message);
    }
    if (t.kind === 'property') {
      // RE2 names scripts bare (\p{Greek}); a name it lacks fails its compile (then JS runs it).
      const body = this.re2 ? t.body.replace(/^Script=/, '') : t.body;
      return `\\${negated ? 'P' : 'p'}{${body}}`;
    }
    const contents = this.re2 ? re2Escapes(t.contents) : t.contents;
    if (inClass) {
      if (negated) throw new PatternSyntax(`\\P{${name}} inside a class is not supported`);
      return contents;
    }
    return `[${negated ? '^' : ''}${contents}]`;
  }

  private namedBackReference(): void {
    const m = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(this.src.slice(this.pos));
    if (!m) throw new PatternSyntax('\\k is not followed by \'<\' for named capturing group');
    if (!this.named.has(m[1])) throw new PatternSyntax(`named capturing group <${m[1]}> does not exist`);
    this.pos += m[0].length;
    this.backtracking('a back reference');
    this.atom(`\\k<${m[1]}>`);
  }

  /** Java reads as many digits as still name an existing group. */
  private numericBackReference(first: number): void {
    let ref = first;
    while (this.pos < this.src.length && /[0-9]/.test(this.src[this.pos])) {
      const next = ref * 10 + (this.src.charCodeAt(this.pos) - 48);
      if (next > this.groups) break;
      ref = next;
      this.pos++;
    }
    this.backtracking('a back reference');
    this.atom(`${BACKREF_MARK}${ref}${BACKREF_MARK}`);
  }

  /** The code point of a single-character escape (the character after the backslash is `c`). */
  private escapedCodePoint(c: string): number {
    const { src } = this;
    switch (c) {
      case 't': return 0x09;
      case 'n': return 0x0a;
      case 'r': return 0x0d;
      case 'f': return 0x0c;
      case 'a': return 0x07;
      case 'e': return 0x1b;
      case '0': return this.octal();
      case 'x': {
        if (src[this.pos] === '{') {
          const m = /^\{([0-9a-fA-F]+)\}/.exec(src.slice(this.pos));
          const cp = m ? parseInt(m[1], 16) : NaN;
          if (!m || cp > 0x10ffff) throw new PatternSyntax('Illegal hexadecimal escape sequence');
          this.pos += m[0].length;
          return cp;
        }
        const h = src.slice(this.pos, this.pos + 2);
        if (!/^[0-9a-fA-F]{2}$/.test(h)) throw new PatternSyntax('Illegal hexadecimal escape sequence');
        this.pos += 2;
        return parseInt(h, 16);
      }
      case 'u': {
        const cp = this.unicode4();
        // A surrogate pair written as two \u escapes is one code point.
        if (cp >= 0xd800 && cp <= 0xdbff && src.startsWith('\\u', this.pos)) {
          const save = this.pos;
          this.pos += 2;
          const low = /^[0-9a-fA-F]{4}/.test(src.slice(this.pos)) ? this.unicode4() : -1;
          if (low >= 0xdc00 && low <= 0xdfff) return (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          this.pos = save;
        }
        return cp;
      }
      case 'c':
        if (this.pos >= src.length) throw new PatternSyntax('Illegal control escape sequence');
        return src.charCodeAt(this.pos++) ^ 64;
      default:
        if (/[a-zA-Z0-9]/.test(c)) throw new PatternSyntax(`Illegal/unsupported escape sequence \\${c}`);
        // Any other character escapes to itself (a surrogate pair is one character).
        this.pos--;
        return this.readCodePoint();
    }
  }

  private unicode4(): number {
    const h = this.src.slice(this.pos, this.pos + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) throw new PatternSyntax('Illegal Unicode escape sequence');
    this.pos += 4;
    return parseInt(h, 16);
  }

  /** \0n, \0nn or \0mnn (m <= 3). */
  private octal(): number {
    const d = (i: number): number => {
      const ch = this.src[this.pos + i];
      return ch !== undefined && ch >= '0' && ch <= '7' ? ch.charCodeAt(0) - 48 : -1;
    };
    const n = d(0);
    if (n < 0) throw new PatternSyntax('Illegal octal escape sequence');
    const m = d(1);
    if (m < 0) { this.pos += 1; return n; }
    const o = d(2);
    if (o >= 0 && n <= 3) { this.pos += 3; return n * 64 + m * 8 + o; }
    this.pos += 2;
    return n * 8 + m;
  }

  private charClass(): string {
    this.pos++; // [
    let negated = false;
    if (this.src[this.pos] === '^') { negated = true; this.pos++; }
    return `[${negated ? '^' : ''}${this.classBody(negated)}]`;
  }

  /** Class contents up to and including the closing ']'; nested classes are unions, flattened. */
  private classBody(negated: boolean): string {
    const { src } = this;
    let items = '';
    let first = true;
    for (;;) {
      if (this.pos >= src.length) throw new PatternSyntax('Unclosed character class');
      if (this.comments && this.skipComment()) continue;
      const c = src[this.pos];
      if (c === ']' && !first) { this.pos++; return items; }
      first = false;
      if (c === '[') {
        this.pos++;
        if (negated || src[this.pos] === '^') throw new PatternSyntax('negated nested character classes are not supported');
        items += this.classBody(false);
        continue;
      }
      if (c === '&' && src[this.pos + 1] === '&') throw new PatternSyntax('character class intersection is not supported');
      const a = this.classAtom();
      if (a.set !== undefined) { items += a.set; continue; }
      const next = src[this.pos + 1];
      if (src[this.pos] === '-' && next !== undefined && next !== ']' && next !== '[') {
        this.pos++;
        const b = this.classAtom();
        if (b.set !== undefined || b.cp < a.cp) throw new PatternSyntax('Illegal character range');
        items += `${litInside(a.cp, this.re2)}-${litInside(b.cp, this.re2)}`;
      } else {
        items += litInside(a.cp, this.re2);
      }
    }
  }

  private classAtom(): ClassAtom {
    const { src } = this;
    if (src[this.pos] !== '\\') return { cp: this.readCodePoint() };
    this.pos++;
    if (this.pos >= src.length) throw new PatternSyntax('Unclosed character class');
    const c = src[this.pos++];
    switch (c) {
      case 'd': case 'D': case 'w': case 'W': return { set: `\\${c}` };
      case 's': return { set: this.syn.space };
      case 'S': return { set: this.syn.notSpaceInClass };
      case 'h': return { set: this.syn.horizontal };
      case 'v': return { set: this.syn.vertical };
      case 'p': case 'P': return { set: this.property(c === 'P', true) };
      case 'Q': return { set: this.quoted().map((cp) => litInside(cp, this.re2)).join('') };
      case 'H': case 'V': case 'R': case 'X': case 'b': case 'B':
        throw new PatternSyntax(`\\${c} is not supported inside a character class`);
      default:
        if (c >= '1' && c <= '9') throw new PatternSyntax('Illegal/unsupported escape sequence');
        return { cp: this.escapedCodePoint(c) };
    }
  }

  private openGroup(): void {
    const { src } = this;
    const start = this.out.length;
    this.pos++; // (
    this.atomStart = -1;
    if (src[this.pos] !== '?') {
      const n = ++this.groups;
      this.names[n] = `_${n}`;
      // RE2 numbers groups as Java does; JS reads them by name (see names).
      this.push(start, this.re2 ? '(' : `(?<_${n}>`, ')');
      return;
    }
    this.pos++;
    const c = src[this.pos];
    if (c === ':') { this.pos++; this.push(start, '(?:', ')'); return; }
    if (c === '=' || c === '!') { this.backtracking('a lookahead'); this.pos++; this.push(start, `(?${c}`, ')'); return; }
    if (c === '<' && (src[this.pos + 1] === '=' || src[this.pos + 1] === '!')) {
      this.backtracking('a lookbehind');
      this.push(start, `(?<${src[this.pos + 1]}`, ')');
      this.pos += 2;
      return;
    }
    if (c === '<') {
      const m = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(src.slice(this.pos));
      if (!m) throw new PatternSyntax('named capturing group is missing trailing \'>\' or has an invalid name');
      if (this.named.has(m[1])) throw new PatternSyntax(`Named capturing group <${m[1]}> is already defined`);
      const n = ++this.groups;
      this.names[n] = m[1];
      this.named.set(m[1], n);
      this.pos += m[0].length;
      this.push(start, this.re2 ? `(?P<${m[1]}>` : `(?<${m[1]}>`, ')');
      return;
    }
    if (c === '>') {
      // Atomic group: a lookahead cannot be backtracked into, so capture inside it and re-match.
      this.pos++;
      this.backtracking('an atomic group');
      const k = ++this.atomics;
      this.push(start, `(?=(?<_a${k}>`, `))\\k<_a${k}>`);
      return;
    }
    const m = /^([idmsuxU]*)(?:-([idmsuxU]*))?([:)])/.exec(src.slice(this.pos));
    if (!m) throw new PatternSyntax('Unknown inline modifier');
    this.pos += m[0].length;
    const saved = { multiline: this.multiline, dotall: this.dotall, comments: this.comments };
    this.setFlags(m[1], true);
    this.setFlags(m[2] ?? '', false);
    if (m[3] === ':') {
      this.open.push({ start, close: ')', saved });
      this.out += '(?:';
    }
  }

  private push(start: number, text: string, close: string): void {
    this.open.push({ start, close });
    this.out += text;
  }

  private setFlags(flags: string, on: boolean): void {
    for (const f of flags) {
      if (f === 'i' && on) this.caseInsensitive = true;
      else if (f === 'm') this.multiline = on;
      else if (f === 's') this.dotall = on;
      else if (f === 'x') this.comments = on;
    }
  }

  private closeGroup(): void {
    const g = this.open.pop();
    if (!g) throw new PatternSyntax('Unmatched closing \')\'');
    this.pos++;
    this.out += g.close;
    if (g.saved) {
      this.multiline = g.saved.multiline;
      this.dotall = g.saved.dotall;
      this.comments = g.saved.comments;
    }
    this.atomStart = g.start;
  }

  private quantifier(): void {
    const { src } = this;
    const c = src[this.pos];
    let q: string;
    if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(src.slice(this.pos));
      if (!m) throw new PatternSyntax('Illegal repetition');
      q = m[0];
    } else {
      q = c;
    }
    if (this.atomStart < 0) throw new PatternSyntax(`Dangling meta character '${c}'`);
    this.pos += q.length;
    const mod = src[this.pos];
    if (mod === '?') {
      this.pos++;
      this.out += `${q}?`;
    } else if (mod === '+') {
      // Possessive: the quantified atom inside an atomic group.
      this.pos++;
      this.backtracking('a possessive quantifier');
      const k = ++this.atomics;
      const atom = this.out.slice(this.atomStart);
      this.out = `${this.out.slice(0, this.atomStart)}(?=(?<_a${k}>${atom}${q}))\\k<_a${k}>`;
    } else {
      this.out += q;
    }
    this.atomStart = -1;
  }
}


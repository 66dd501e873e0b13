// .proto source → PbFile, with its types resolved against the file, its imports (the
// registry's schema references) and the builtin imports. A small recursive-descent parser for
// what schema registries hold: syntax, package, imports, messages (nested, oneofs, maps,
// reserved), enums, options (only confluent.field_meta params are kept), services and
// extensions skipped. protobufjs's parser rejects Confluent's aggregate field options
// (`params: [{...}]`), hence this one.
import {
  SCALARS, type PbEnum, type PbField, type PbFile, type PbMessage, type PbScalar,
} from './proto-model.js';
import { BUILTIN_PROTOS } from './proto-builtins.js';
import { ProtoParseError } from './proto-error.js';
import { isSerializedDescriptor, parseSerializedDescriptor } from './proto-descriptor.js';

export { ProtoParseError };

type Tok = { t: 'id' | 'num' | 'str' | 'p'; v: string; line: number };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let line = 1;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === '\n') { line++; i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '/' && src[i + 1] === '/') { while (i < n && src[i] !== '\n') i++; continue; }
    if (c === '/' && src[i + 1] === '*') {
      const e = src.indexOf('*/', i + 2);
      const stop = e < 0 ? n : e + 2;
      for (let k = i; k < stop; k++) if (src[k] === '\n') line++;
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < n && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < n) { s += unescape(src[j + 1]); j += 2; continue; }
        s += src[j++];
      }
      if (j >= n) throw new ProtoParseError(`unterminated string (line ${line})`);
      out.push({ t: 'str', v: s, line });
      i = j + 1;
      continue;
    }
    const m = /^(?:[A-Za-z_.][A-Za-z0-9_.]*|-?(?:0[xX][0-9a-fA-F]+|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|inf|nan))/.exec(src.slice(i, i + 200));
    if (m && m[0] !== '.' && m[0] !== '-') {
      out.push({ t: /^[A-Za-z_.]/.test(m[0]) ? 'id' : 'num', v: m[0], line });
      i += m[0].length;
      continue;
    }
    out.push({ t: 'p', v: c, line });
    i++;
  }
  return out;
}

function unescape(c: string): string {
  return c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok | undefined { return this.toks[this.i]; }
  private next(): Tok {
    const t = this.toks[this.i++];
    if (!t) throw new ProtoParseError('unexpected end of the schema');
    return t;
  }
  private is(v: string): boolean { return this.toks[this.i]?.v === v; }
  private eat(v: string): boolean {
    if (!this.is(v)) return false;
    this.i++;
    return true;
  }
  private expect(v: string): void {
    const t = this.next();
    if (t.v !== v) throw new ProtoParseError(`expected '${v}' but found '${t.v}' (line ${t.line})`);
  }
  private ident(): string {
    const t = this.next();
    if (t.t !== 'id') throw new ProtoParseError(`expected a name but found '${t.v}' (line ${t.line})`);
    return t.v;
  }
  private int(): number {
    const t = this.next();
    const v = t.t === 'num' ? Number(t.v) : t.t === 'id' && t.v === 'max' ? 536870911 : NaN;
    if (!Number.isInteger(v)) throw new ProtoParseError(`expected a number but found '${t.v}' (line ${t.line})`);
    return v;
  }

  /** Skips a statement up to its ';' or a balanced { } block. */
  private skipStatement(): void {
    let depth = 0;
    for (;;) {
      const t = this.next();
      if (t.v === '{') depth++;
      else if (t.v === '}') { depth--; if (depth === 0) { this.eat(';'); return; } }
      else if (t.v === ';' && depth === 0) return;
    }
  }

  file(): PbFile {
    const f: PbFile = { syntax: 'proto2', imports: [], messages: [], enums: [] };
    while (this.peek()) {
      const t = this.next();
      switch (t.v) {
        case 'syntax': case 'edition': {
          this.expect('=');
          const s = this.next().v;
          f.syntax = s === 'proto3' ? 'proto3' : 'proto2';
          this.expect(';');
          break;
        }
        case 'package': f.package = this.ident(); this.expect(';'); break;
        case 'import': {
          if (this.is('public') || this.is('weak')) this.next();
          const p = this.next();
          if (p.t !== 'str') throw new ProtoParseError(`expected an import path (line ${p.line})`);
          f.imports.push(p.v);
          this.expect(';');
          break;
        }
        case 'message': f.messages.push(this.message(f.package ? `${f.package}.` : '')); break;
        case 'enum': f.enums.push(this.enumBody(f.package ? `${f.package}.` : '')); break;
        case ';': break;
        case 'option': case 'service': case 'extend': this.skipStatement(); break;
        default: throw new ProtoParseError(`unexpected '${t.v}' (line ${t.line})`);
      }
    }
    return f;
  }

  private message(prefix: string): PbMessage {
    const name = this.ident();
    const m: PbMessage = { kind: 'message', name, fullName: prefix + name, fields: [], messages: [], enums: [] };
    this.expect('{');
    this.messageBody(m);
    return m;
  }

  private messageBody(m: PbMessage, oneof?: string): void {
    const inner = `${m.fullName}.`;
    while (!this.eat('}')) {
      const t = this.peek();
      if (!t) throw new ProtoParseError(`message ${m.name} is not closed`);
      switch (t.v) {
        case ';': this.next(); break;
        case 'message': this.next(); m.messages.push(this.message(inner)); break;
        case 'enum': this.next(); m.enums.push(this.enumBody(inner)); break;
        case 'oneof': {
          this.next();
          const name = this.ident();
          this.expect('{');
          (m.oneofs ??= []).push(name);
          this.messageBody(m, name);
          break;
        }
        case 'option': case 'reserved': case 'extensions': case 'extend': this.next(); this.skipStatement(); break;
        case 'map': {
          if (this.toks[this.i + 1]?.v !== '<') { m.fields.push(this.field(oneof)); break; }
          this.next();
          this.expect('<');
          const key = this.ident();
          this.expect(',');
          const value = this.ident();
          this.expect('>');
          const f = this.fieldRest('repeated', '', oneof);
          const entry: PbMessage = {
            kind: 'message', name: mapEntryName(f.name), fullName: `${inner}${mapEntryName(f.name)}`, mapEntry: true, messages: [], enums: [],
            fields: [{ name: 'key', number: 1, typeName: key }, { name: 'value', number: 2, typeName: value }],
          };
          f.typeName = entry.fullName;
          m.messages.push(entry);
          m.fields.push(f);
          break;
        }
        default: m.fields.push(this.field(oneof));
      }
    }
  }

  private field(oneof?: string): PbField {
    let label: PbField['label'];
    if (this.is('optional') || this.is('repeated') || this.is('required')) {
      // `optional` may also be a message named so: a label only when a type and a name follow.
      const ahead = this.toks[this.i + 2];
      if (ahead && ahead.t === 'id') label = this.next().v as PbField['label'];
    }
    const type = this.ident();
    if (type === 'group') throw new ProtoParseError('proto2 groups are not supported');
    return this.fieldRest(label, type, oneof);
  }

  private fieldRest(label: PbField['label'], typeName: string, oneof?: string): PbField {
    const name = this.ident();
    this.expect('=');
    const number = this.int();
    const f: PbField = { name, number, typeName };
    if (label) f.label = label;
    if (oneof) f.oneof = oneof;
    if (this.eat('[')) {
      do this.fieldOption(f); while (this.eat(','));
      this.expect(']');
    }
    this.expect(';');
    return f;
  }

  /** One `name = value` of a field; confluent.field_meta's params are kept. */
  private fieldOption(f: PbField): void {
    let name = '';
    if (this.eat('(')) { name = `(${this.ident()})`; this.expect(')'); }
    while (this.peek()?.t === 'id') name += this.next().v;
    this.expect('=');
    if (!this.is('{')) { this.next(); return; }
    const start = this.i;
    let depth = 0;
    do {
      const t = this.next();
      if (t.v === '{') depth++;
      else if (t.v === '}') depth--;
    } while (depth > 0);
    if (name.startsWith('(confluent.field_meta)')) f.params = metaParams(this.toks.slice(start, this.i));
  }

  private enumBody(prefix: string): PbEnum {
    const name = this.ident();
    const e: PbEnum = { kind: 'enum', name, fullName: prefix + name, values: [] };
    this.expect('{');
    while (!this.eat('}')) {
      const t = this.next();
      if (t.v === ';') continue;
      if (t.v === 'option' || t.v === 'reserved') { this.skipStatement(); continue; }
      this.expect('=');
      const number = this.int();
      if (this.eat('[')) { while (!this.eat(']')) this.next(); }
      this.expect(';');
      e.values.push({ name: t.v, number });
    }
    return e;
  }
}

/** protoc's name for a map field's entry message: the field in UpperCamelCase + Entry. */
export function mapEntryName(field: string): string {
  return field.split('_').map((p) => (p ? p[0].toUpperCase() + p.slice(1) : '')).join('') + 'Entry';
}

/** key/value pairs of `{ params: [{ key: "k", value: "v" }, ...] }` (either order, ':' optional). */
function metaParams(toks: Tok[]): Record<string, string> {
  const out: Record<string, string> = {};
  let key: string | undefined;
  let value: string | undefined;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.t === 'id' && (t.v === 'key' || t.v === 'value')) {
      let j = i + 1;
      if (toks[j]?.v === ':') j++;
      if (toks[j]?.t === 'str') {
        if (t.v === 'key') key = toks[j].v; else value = toks[j].v;
        i = j;
      }
    } else if (t.v === '}') {
      if (key !== undefined && value !== undefined) out[key] = value;
      key = value = undefined;
    }
  }
  return out;
}

export function parseProtoText(src: string): PbFile {
  return new Parser(tokenize(src)).file();
}

/** A registered schema in either form: .proto text, or a base64 FileDescriptorProto (see proto-descriptor.ts). */
export function parseSchemaSource(src: string): PbFile {
  return isSerializedDescriptor(src) ? parseSerializedDescriptor(src) : parseProtoText(src);
}

/**
 * Parses `text` (.proto text or a base64 FileDescriptorProto) and resolves its types. `deps`
 * maps an import name to its source (the registry's references, in either form); the builtin
 * imports need none.
 */
export function parseProto(text: string, deps: ReadonlyMap<string, string> = new Map()): PbFile {
  const file = parseSchemaSource(text);
  const scope = new Map<string, PbMessage | PbEnum>();
  const loaded = new Set<string>();
  const load = (f: PbFile): void => {
    for (const imp of f.imports) {
      if (loaded.has(imp)) continue;
      loaded.add(imp);
      const src = deps.get(imp) ?? BUILTIN_PROTOS[imp];
      if (src === undefined) continue; // unresolved types say which import was missing
      const dep = parseSchemaSource(src);
      load(dep);
      declare(dep, scope);
    }
  };
  load(file);
  declare(file, scope);
  for (const m of file.messages) resolveMessage(m, scope);
  return file;
}

function declare(f: PbFile, scope: Map<string, PbMessage | PbEnum>): void {
  const walk = (m: PbMessage): void => {
    scope.set(m.fullName, m);
    for (const e of m.enums) scope.set(e.fullName, e);
    for (const n of m.messages) walk(n);
  };
  for (const e of f.enums) scope.set(e.fullName, e);
  for (const m of f.messages) walk(m);
}

function resolveMessage(m: PbMessage, scope: Map<string, PbMessage | PbEnum>, seen = new Set<PbMessage>()): void {
  if (seen.has(m)) return;
  seen.add(m);
  for (const f of m.fields) {
    if (SCALARS.has(f.typeName)) { f.type = { kind: 'scalar', scalar: f.typeName as PbScalar }; continue; }
    const t = lookup(f.typeName, m.fullName, scope);
    if (!t) throw new ProtoParseError(`type ${f.typeName} of field ${m.name}.${f.name} is not defined (a missing import or schema reference?)`);
    f.type = t;
    if (t.kind === 'message') resolveMessage(t, scope, seen);
  }
  for (const n of m.messages) resolveMessage(n, scope, seen);
}

/** Protobuf's scoping: innermost scope first, then outward; a leading '.' is absolute. */
function lookup(name: string, from: string, scope: Map<string, PbMessage | PbEnum>): PbMessage | PbEnum | undefined {
  if (name.startsWith('.')) return scope.get(name.slice(1));
  const parts = from.split('.');
  for (let i = parts.length; i >= 0; i--) {
    const hit = scope.get([...parts.slice(0, i), name].join('.'));
    if (hit) return hit;
  }
  return undefined;
}

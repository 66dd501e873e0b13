// Matcher.replaceAll with Java's replacement syntax: $n and ${name} insert groups, a backslash
// quotes the next character. Like Java, a bad replacement only fails once something matches.
import { SqlError } from '../../src/types/sql-error.js';
import { forEachMatch, search, type JavaPattern } from './java-regex.js';

type Part = string | { group: number };

const fail = (message: string): never => { throw new SqlError('EVALUATION_ERROR', message); };

/** Parses `replacement` as Matcher.appendReplacement does, against the pattern's groups. */
export function parseReplacement(replacement: string, p: JavaPattern): Part[] {
  const parts: Part[] = [];
  let text = '';
  let i = 0;
  const n = replacement.length;
  while (i < n) {
    const c = replacement[i];
    if (c === '\\') {
      i++;
      if (i === n) fail('character to be escaped is missing');
      text += replacement[i++];
    } else if (c === '$') {
      i++;
      if (i === n) fail('Illegal group reference: group index is missing');
      let ref: number;
      if (replacement[i] === '{') {
        i++;
        const name = /^[a-zA-Z0-9]*/.exec(replacement.slice(i))![0];
        i += name.length;
        if (name.length === 0) fail('named capturing group has 0 length name');
        if (replacement[i] !== '}') fail('named capturing group is missing trailing \'}\'');
        if (/^[0-9]/.test(name)) fail(`capturing group name {${name}} starts with digit character`);
        const g = p.namedGroups.get(name);
        if (g === undefined) fail(`No group with name {${name}}`);
        ref = g as number;
        i++;
      } else {
        ref = replacement.charCodeAt(i) - 48;
        if (ref < 0 || ref > 9) fail('Illegal group reference');
        i++;
        // Take further digits while they still name an existing group.
        while (i < n && /[0-9]/.test(replacement[i])) {
          const next = ref * 10 + (replacement.charCodeAt(i) - 48);
          if (next > p.groupCount) break;
          ref = next;
          i++;
        }
        if (ref > p.groupCount) fail(`No group ${ref}`);
      }
      if (text) { parts.push(text); text = ''; }
      parts.push({ group: ref });
    } else {
      text += c;
      i++;
    }
  }
  if (text) parts.push(text);
  return parts;
}

/** String.replaceAll(regex, replacement) with a compiled pattern. */
export function replaceAll(p: JavaPattern, input: string, replacement: string): string {
  let out = '';
  let last = 0;
  let parts: Part[] | undefined;
  search(p, input, (m) => forEachMatch(m, input.length, () => {
    parts ??= parseReplacement(replacement, p);
    const start = m.start();
    out += input.slice(last, start);
    for (const part of parts) out += typeof part === 'string' ? part : (m.group(part.group) ?? '');
    last = m.end();
  }));
  return parts === undefined ? input : out + input.slice(last);
}

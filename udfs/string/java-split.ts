// The two ways ksqlDB splits a string by a regular expression: Guava's Splitter.on(Pattern),
// which keeps every empty piece, and Java's Pattern.split, which drops trailing empty pieces
// and (for a zero-width match) a leading one.
import { findAll, findFrom, type JavaPattern } from './java-regex.js';

/** Splitter.on(pattern).splitToList(input). */
export function guavaSplit(p: JavaPattern, input: string): string[] {
  const out: string[] = [];
  let offset = 0;
  let nextStart = 0;
  while (offset !== -1) {
    const start = nextStart;
    let end: number;
    const m = findFrom(p, input, offset);
    if (m === null) {
      end = input.length;
      offset = -1;
    } else {
      end = m.index;
      offset = m.index + m[0].length;
    }
    if (offset === nextStart) {
      // An empty match where the piece would start: skip ahead one char.
      offset++;
      if (offset > input.length) offset = -1;
      continue;
    }
    out.push(input.slice(start, end));
    nextStart = offset;
  }
  return out;
}

/** Pattern.split(input) (limit 0). */
export function patternSplit(p: JavaPattern, input: string): string[] {
  const out: string[] = [];
  let index = 0;
  for (const m of findAll(p, input)) {
    const end = m.index + m[0].length;
    if (index === 0 && m.index === 0 && end === 0) continue;
    out.push(input.slice(index, m.index));
    index = end;
  }
  if (index === 0) return [input];
  out.push(input.slice(index));
  let size = out.length;
  while (size > 0 && out[size - 1] === '') size--;
  return out.slice(0, size);
}

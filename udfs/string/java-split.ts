// The two ways ksqlDB splits a string by a regular expression: Guava's Splitter.on(Pattern),
// which keeps every empty piece, and Java's Pattern.split, which drops trailing empty pieces
// and (for a zero-width match) a leading one.
import { forEachMatch, search, type JavaMatcher, type JavaPattern } from './java-regex.js';

function guavaPieces(m: JavaMatcher, input: string): string[] {
  const out: string[] = [];
  let offset = 0;
  let nextStart = 0;
  while (offset !== -1) {
    const start = nextStart;
    let end: number;
    if (!m.find(offset)) {
      end = input.length;
      offset = -1;
    } else {
      end = m.start();
      offset = m.end();
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

/** Splitter.on(pattern).splitToList(input). */
export function guavaSplit(p: JavaPattern, input: string): string[] {
  return search(p, input, (m) => guavaPieces(m, input));
}

/** Pattern.split(input) (limit 0). */
export function patternSplit(p: JavaPattern, input: string): string[] {
  const out: string[] = [];
  let index = 0;
  search(p, input, (m) => forEachMatch(m, input.length, () => {
    const start = m.start();
    const end = m.end();
    if (index === 0 && start === 0 && end === 0) return;
    out.push(input.slice(index, start));
    index = end;
  }));
  if (index === 0) return [input];
  out.push(input.slice(index));
  let size = out.length;
  while (size > 0 && out[size - 1] === '') size--;
  return out.slice(0, size);
}

/** Whether the pattern matches the empty string (Pattern.split and Guava differ then). */
export function matchesEmpty(p: JavaPattern): boolean {
  return search(p, '', (m) => m.find(0));
}

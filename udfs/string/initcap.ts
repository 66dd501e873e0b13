import type { ScalarFunction } from '../types.js';

// Java's [^\s]+\s* over the lower-cased input; \s is [ \t\n\x0B\f\r]. Leading whitespace is
// not part of any match, so ksqlDB drops it.
const WORD = /[^\t-\r ]+[\t-\r ]*/g;

function initcap(str: string): string {
  let out = '';
  for (const [part] of str.toLowerCase().matchAll(WORD)) out += part.slice(0, 1).toUpperCase() + part.slice(1);
  return out;
}

export const initcapFunction: ScalarFunction = {
  kind: 'scalar',
  name: 'INITCAP',
  category: 'STRING',
  description: 'Capitalizes the first letter of each word in a string and the rest lowercased. Words are delimited by whitespace.',
  overloads: [{ params: [{ name: 'str', type: { kind: 'STRING' } }], returns: { kind: 'STRING' }, impl: initcap }],
  examples: [{ call: "INITCAP('the   Quick br0wn fOx')", result: 'The   Quick Br0wn Fox' }],
};

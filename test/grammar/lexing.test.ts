import { describe, expect, it } from 'vitest';
import { parseExpression, parseStatement } from '../../grammar/index.js';
import { withoutSpans } from './helpers.js';

describe('lexing', () => {
  it('treats keywords case-insensitively', () => {
    expect(withoutSpans(parseStatement('sElEcT * fRoM s eMiT cHaNgEs'))).toMatchObject({ query: { emit: 'CHANGES' } });
  });

  it('reads names that start with digits, and keeps @', () => {
    expect(withoutSpans(parseExpression('1abc + a@b'))).toMatchObject({ left: { name: '1ABC' }, right: { name: 'A@B' } });
  });

  it('tells numbers from names', () => {
    expect(withoutSpans(parseExpression('1e5'))).toEqual({ kind: 'NumberLit', text: '1e5' });
    expect(withoutSpans(parseExpression('1.'))).toEqual({ kind: 'NumberLit', text: '1.' });
  });

  it('skips comments anywhere', () => {
    expect(withoutSpans(parseExpression('a /* x */ + -- y\n b'))).toMatchObject({ kind: 'Arithmetic', op: '+' });
  });

  it('reads operators that share a prefix', () => {
    expect(withoutSpans(parseExpression('a<=b'))).toMatchObject({ op: '<=' });
    expect(withoutSpans(parseExpression('a<>b'))).toMatchObject({ op: '<>' });
    expect(withoutSpans(parseExpression('a->b'))).toMatchObject({ kind: 'Dereference' });
    expect(withoutSpans(parseExpression('a-1'))).toMatchObject({ kind: 'Arithmetic', op: '-' });
    expect(withoutSpans(parseExpression('a||b'))).toMatchObject({ kind: 'Concat' });
  });
});

// Tagged JSON round-trips what plain JSON cannot (decimals, bigints, maps, bytes, -0, undefined,
// keys starting with '$'), and with `shared` writes an object met again as a reference and reads
// it back as the same object, so a DAG stays the size of its nodes, not of its paths.
import { describe, expect, it } from 'vitest';
import { fromTaggedJson, toTaggedJson } from '../../src/types/tagged-json.js';
import { Decimal } from '../../src/types/decimal.js';

const viaText = (j: unknown): unknown => JSON.parse(JSON.stringify(j));

describe('tagged JSON', () => {
  const value = {
    d: new Decimal(-1234n, 2), b: 12345678901234567890n, m: new Map<unknown, unknown>([['k', [1, 2]], [3, { $x: 1 }]]),
    y: new Uint8Array([1, 2, 255]), n: [-0, NaN, Infinity], u: undefined, s: new Set(['a']), $odd: { nested: true },
  };

  it('round-trips values JSON lacks, with or without shared objects', () => {
    expect(fromTaggedJson(viaText(toTaggedJson(value)))).toEqual(value);
    expect(fromTaggedJson(viaText(toTaggedJson(value, new Map())), [])).toEqual(value);
    expect(Object.is((fromTaggedJson(viaText(toTaggedJson(value, new Map())), []) as typeof value).n[0], -0)).toBe(true);
  });

  it('with shared, writes an object met again once and reads back the same object', () => {
    // A chain where each node also holds its whole subtree again (as typed expressions hold their AST).
    type Node = { kind: string; left?: Node; source?: Node; tags: string[] };
    const tags = ['t'];
    let node: Node = { kind: 'leaf', tags };
    for (let i = 0; i < 100; i++) {
      const ast: Node = { kind: 'or', left: node.source ?? node, tags };
      node = { kind: 'typed', left: node, source: ast, tags };
    }
    const plain = JSON.stringify(toTaggedJson(node));
    const shared = JSON.stringify(toTaggedJson(node, new Map()));
    expect(shared.length * 10).toBeLessThan(plain.length);
    const back = fromTaggedJson(JSON.parse(shared), []) as Node;
    expect(back).toEqual(node);
    expect(back.tags).toBe(back.left!.tags); // one array, as written
    expect(back.source!.left).toBe(back.left!.source); // the shared subtree is one object again
    // Without shared objects on write, the reader gets separate copies (version 2 plans).
    const copies = fromTaggedJson(JSON.parse(plain), []) as Node;
    expect(copies).toEqual(node);
    expect(copies.tags).not.toBe(copies.left!.tags);
  });

  it('refuses a reference to an object not read yet', () => {
    expect(() => fromTaggedJson({ a: { $r: 5 } }, [])).toThrow(/reference to object 5, which is not before it/);
  });
});

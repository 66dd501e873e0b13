// Nodes of the Hoeffding adaptive tree: every node carries an ADWIN over its 0/1 errors, and a
// branch may grow an alternate subtree in the background after its error rises.
import { Adwin } from '../drift/adwin.js';
import { readSplitFields, writeSplitFields } from './branch.js';
import type { FloatReader, FloatWriter } from './float-io.js';
import type { LeafClassifier } from './leaf-classifier.js';
import { readLeafClassifier, writeLeafClassifier } from './leaf-classifier-io.js';

export type AdaNode = AdaLeaf | AdaBranch;

export class AdaLeaf {
  readonly isLeaf = true;
  constructor(
    public leaf: LeafClassifier,
    public adwin: Adwin,
  ) {}
}

export class AdaBranch {
  readonly isLeaf = false;
  alternate: AdaNode | null = null;

  constructor(
    public feature: number,
    public threshold: number,
    public depth: number,
    public left: AdaNode,
    public right: AdaNode,
    public leftWeight: number,
    public rightWeight: number,
    public adwin: Adwin,
  ) {}

  goesLeft(v: number): boolean {
    return v <= this.threshold || (v !== v && this.leftWeight >= this.rightWeight);
  }
}

export function writeAdaNode(w: FloatWriter, n: AdaNode): void {
  if (n.isLeaf) {
    w.num(0);
    writeLeafClassifier(w, n.leaf);
    n.adwin.write(w);
    return;
  }
  writeSplitFields(w, n);
  n.adwin.write(w);
  w.bool(n.alternate !== null);
  if (n.alternate) writeAdaNode(w, n.alternate);
  writeAdaNode(w, n.left);
  writeAdaNode(w, n.right);
}

export function readAdaNode(r: FloatReader, delta: number): AdaNode {
  const tag = r.int();
  if (tag === 0) {
    const leaf = readLeafClassifier(r);
    return new AdaLeaf(leaf, Adwin.read(r, { delta }));
  }
  if (tag !== 1) throw new Error('model state: corrupt tree');
  const f = readSplitFields(r);
  const adwin = Adwin.read(r, { delta });
  const alternate = r.bool() ? readAdaNode(r, delta) : null;
  const left = readAdaNode(r, delta);
  const right = readAdaNode(r, delta);
  const b = new AdaBranch(f.feature, f.threshold, f.depth, left, right, f.leftWeight, f.rightWeight, adwin);
  b.alternate = alternate;
  return b;
}

export function adaNodeBytes(n: AdaNode): number {
  if (n.isLeaf) return n.leaf.stateBytes() + n.adwin.stateBytes();
  return (
    96 +
    n.adwin.stateBytes() +
    (n.alternate ? adaNodeBytes(n.alternate) : 0) +
    adaNodeBytes(n.left) +
    adaNodeBytes(n.right)
  );
}

// A numeric binary split node (x[feature] <= threshold goes left), shared by the Hoeffding tree
// classifier and regressor. A missing value (NaN) follows the branch that has seen more weight,
// River's "most common path". Below it, the walk, split-gate and snapshot helpers both trees share.
import type { FloatReader, FloatWriter } from './float-io.js';

export class Branch<L> {
  readonly isLeaf = false;

  constructor(
    public feature: number,
    public threshold: number,
    public depth: number,
    public left: L | Branch<L>,
    public right: L | Branch<L>,
    public leftWeight: number,
    public rightWeight: number,
  ) {}

  goesLeft(v: number): boolean {
    return v <= this.threshold || (v !== v && this.leftWeight >= this.rightWeight);
  }
}

/** The fields of a split node, as Branch and the adaptive tree's AdaBranch both carry them. */
export interface SplitFields {
  feature: number;
  threshold: number;
  depth: number;
  leftWeight: number;
  rightWeight: number;
}

/** Writes a branch's tag (1) and split fields; its children follow. */
export function writeSplitFields(w: FloatWriter, b: SplitFields): void {
  w.num(1);
  w.num(b.feature);
  w.num(b.threshold);
  w.num(b.depth);
  w.num(b.leftWeight);
  w.num(b.rightWeight);
}

/** Reads what writeSplitFields wrote after its tag. */
export function readSplitFields(r: FloatReader): SplitFields {
  const feature = r.int();
  const threshold = r.num();
  const depth = r.int();
  const leftWeight = r.num();
  const rightWeight = r.num();
  return { feature, threshold, depth, leftWeight, rightWeight };
}

/** The leaf that x reaches from `root`. */
export function findLeaf<L>(root: L | Branch<L>, x: Float64Array): L {
  let node = root;
  while (node instanceof Branch) node = node.goesLeft(x[node.feature]) ? node.left : node.right;
  return node;
}

/** Approximate bytes of a tree: the leaves' own count plus 64 a branch. */
export function treeBytes<L extends { stateBytes(): number }>(n: L | Branch<L>): number {
  return n instanceof Branch ? 64 + treeBytes(n.left) + treeBytes(n.right) : n.stateBytes();
}

/**
 * The path of one learning step (reused, so learning allocates nothing): `descend` walks x to its
 * leaf, adding the weight to each branch it passes, and `replaceLeaf` puts a new node (a split)
 * where that leaf was.
 */
export class LeafPath<L> {
  parent: Branch<L> | null = null;
  wentLeft = false;

  descend(root: L | Branch<L>, x: Float64Array, w: number): L {
    this.parent = null;
    this.wentLeft = false;
    let node = root;
    while (node instanceof Branch) {
      this.parent = node;
      this.wentLeft = node.goesLeft(x[node.feature]);
      if (this.wentLeft) {
        node.leftWeight += w;
        node = node.left;
      } else {
        node.rightWeight += w;
        node = node.right;
      }
    }
    return node;
  }

  /** Puts `node` in place of the leaf last reached; returns the (possibly new) root. */
  replaceLeaf(root: L | Branch<L>, node: Branch<L>): L | Branch<L> {
    if (this.parent === null) return node;
    if (this.wentLeft) this.parent.left = node;
    else this.parent.right = node;
    return root;
  }
}

/** What the Hoeffding trees' leaves keep for the split gate. */
export interface GrowingLeaf {
  readonly depth: number;
  readonly active: boolean;
  lastSplitAt: number;
  deactivate(): void;
}

/**
 * The Hoeffding tree's gate after a leaf learned, with `seen` its weight so far: no attempt for an
 * inactive leaf; a leaf at maxDepth is deactivated instead; otherwise an attempt is due once
 * gracePeriod weight arrived since the last one (the caller then sets lastSplitAt = seen).
 */
export function splitAttemptDue(leaf: GrowingLeaf, seen: number, opts: { maxDepth: number; gracePeriod: number }): boolean {
  if (!leaf.active) return false;
  if (leaf.depth >= opts.maxDepth) {
    leaf.deactivate();
    return false;
  }
  return seen - leaf.lastSplitAt >= opts.gracePeriod;
}

// The Hoeffding tree regressor algorithm (FIMT-DD style, as River's HoeffdingTreeRegressor):
// variance-reduction splits found with E-BSTs, accepted when the runner-up's merit ratio is below
// 1 - epsilon (Hoeffding bound with range 1) or epsilon < tau.
import { Branch, findLeaf, LeafPath, readSplitFields, splitAttemptDue, treeBytes, writeSplitFields } from './branch.js';
import { Ebst, RegressionSplit, WalkStack } from './ebst.js';
import type { FloatReader, FloatWriter } from './float-io.js';
import { LeafRegressor } from './leaf-regressor.js';
import type { RegressorTreeOptions } from './regressor-options.js';
import { hoeffdingBound } from './split-criterion.js';

type Node = LeafRegressor | Branch<LeafRegressor>;

export class HTRegressor {
  root: Node;
  private readonly feats: Int32Array;
  private readonly stack = new WalkStack();
  private readonly best = new RegressionSplit();
  private readonly tmp = new RegressionSplit();
  private readonly path = new LeafPath<LeafRegressor>();

  constructor(
    readonly opts: RegressorTreeOptions,
    readonly nFeatures: number,
  ) {
    this.feats = Int32Array.from({ length: nFeatures }, (_, i) => i);
    this.root = new LeafRegressor(0, nFeatures, this.feats);
  }

  learn(x: Float64Array, y: number, w: number): void {
    const leaf = this.path.descend(this.root, x, w);
    leaf.learn(x, y, w, this.opts);
    if (splitAttemptDue(leaf, leaf.n, this.opts)) {
      this.attemptSplit(leaf);
      leaf.lastSplitAt = leaf.n;
    }
  }

  private attemptSplit(leaf: LeafRegressor): void {
    const best = this.best;
    leaf.searchSplits(this.opts.minSamplesSplit, this.stack, best, this.tmp);
    if (best.feature < 0 || !(best.merit > 0)) return;
    const hb = hoeffdingBound(1, this.opts.delta, leaf.n);
    if (!(best.second / best.merit < 1 - hb || hb < this.opts.tau)) return;
    const [rn, rmean, rm2] = leaf.rightOf(best);
    const left = new LeafRegressor(leaf.depth + 1, this.nFeatures, this.feats);
    left.inherit(best.ln, best.lmean, best.lm2, leaf);
    const right = new LeafRegressor(leaf.depth + 1, this.nFeatures, this.feats);
    right.inherit(rn, rmean, rm2, leaf);
    const b = new Branch<LeafRegressor>(best.feature, best.threshold, leaf.depth, left, right, best.ln, rn);
    this.root = this.path.replaceLeaf(this.root, b);
  }

  predict(x: Float64Array): number {
    return findLeaf(this.root, x).predict(x, this.opts);
  }

  write(w: FloatWriter): void {
    writeNode(w, this.root);
  }

  read(r: FloatReader): void {
    this.root = readNode(r, this.nFeatures);
  }

  stateBytes(): number {
    return treeBytes(this.root);
  }
}

function writeNode(w: FloatWriter, n: Node): void {
  if (n.isLeaf) {
    w.num(0);
    w.num(n.depth);
    w.num(n.n);
    w.num(n.mean);
    w.num(n.m2);
    w.num(n.lastSplitAt);
    w.bool(n.active);
    w.num(n.fmseMean);
    w.num(n.fmseModel);
    w.num(n.bias);
    w.arr(n.weights);
    w.arr(n.feats);
    w.num(n.trees.length);
    for (const t of n.trees) t.write(w);
    return;
  }
  writeSplitFields(w, n);
  writeNode(w, n.left);
  writeNode(w, n.right);
}

function readNode(r: FloatReader, nFeatures: number): Node {
  const tag = r.int();
  if (tag === 0) {
    const depth = r.int();
    const n = r.num();
    const mean = r.num();
    const m2 = r.num();
    const lastSplitAt = r.num();
    const active = r.bool();
    const fmseMean = r.num();
    const fmseModel = r.num();
    const bias = r.num();
    const weights = r.f64();
    const feats = r.i32();
    const leaf = new LeafRegressor(depth, nFeatures, feats);
    Object.assign(leaf, { n, mean, m2, lastSplitAt, active, fmseMean, fmseModel, bias });
    leaf.weights.set(weights);
    const nt = r.int();
    leaf.trees = [];
    for (let i = 0; i < nt; i++) leaf.trees.push(Ebst.read(r));
    return leaf;
  }
  if (tag !== 1) throw new Error('model state: corrupt tree');
  const f = readSplitFields(r);
  const left = readNode(r, nFeatures);
  const right = readNode(r, nFeatures);
  return new Branch<LeafRegressor>(f.feature, f.threshold, f.depth, left, right, f.leftWeight, f.rightWeight);
}

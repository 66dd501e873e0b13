// The Hoeffding adaptive tree algorithm (Bifet & Gavaldà 2009, as River's
// HoeffdingAdaptiveTreeClassifier): a Hoeffding tree whose nodes watch their error with ADWIN.
// When a branch's error rises it starts an alternate subtree; once both have seen
// drift_window_threshold examples, the alternate replaces the branch if it is significantly
// better, or is dropped if significantly worse. Leaves learn with Poisson(1) bootstrap weights.
//
// Two deliberate departures from River/MOA: an alternate subtree that splits replaces itself (not
// the branch's parent's child), and prediction combines every alternate on the path recursively.
import type { Rng } from '../rng.js';
import { Adwin } from '../drift/adwin.js';
import type { ClassifierTreeOptions } from './classifier-options.js';
import type { FloatReader, FloatWriter } from './float-io.js';
import { AdaBranch, AdaLeaf, type AdaNode, adaNodeBytes, readAdaNode, writeAdaNode } from './hat-nodes.js';
import { LeafClassifier, SplitSearch } from './leaf-classifier.js';
import { poisson } from './poisson.js';

export interface AdaptiveOptions {
  bootstrapSampling: boolean;
  driftWindowThreshold: number;
  switchSignificance: number;
  adwinDelta: number;
}

const LEFT = 0;
const RIGHT = 1;
const ALTERNATE = 2;

export class HATClassifier {
  root: AdaNode;
  nc: number;
  private readonly search = new SplitSearch();
  private readonly feats: Int32Array;
  private tmp: Float64Array;
  /** Statistics for DESCRIBE-style introspection. */
  alternatesStarted = 0;
  alternatesSwitched = 0;
  alternatesPruned = 0;

  constructor(
    readonly opts: ClassifierTreeOptions,
    readonly ada: AdaptiveOptions,
    nFeatures: number,
    nc: number,
    private readonly rng: Rng,
  ) {
    this.nc = Math.max(nc, 1);
    this.search.ensure(this.nc);
    this.tmp = new Float64Array(this.nc);
    this.feats = Int32Array.from({ length: nFeatures }, (_, i) => i);
    this.root = this.newLeaf(0);
  }

  private newLeaf(depth: number, counts?: Float64Array): AdaLeaf {
    return new AdaLeaf(new LeafClassifier(depth, this.nc, this.feats, counts), new Adwin({ delta: this.ada.adwinDelta }));
  }

  private growClasses(nc: number): void {
    this.nc = nc;
    this.search.ensure(nc);
    this.tmp = new Float64Array(nc);
  }

  learn(x: Float64Array, y: number): void {
    if (y >= this.nc) this.growClasses(y + 1);
    this.learnNode(this.root, x, y, 1, null, LEFT, this.isCorrect(this.root, x, y));
  }

  /** Whether the subtree at `node` (main path only) classifies x correctly before learning it. */
  private isCorrect(node: AdaNode, x: Float64Array, y: number): boolean {
    while (!node.isLeaf) node = node.goesLeft(x[node.feature]) ? node.left : node.right;
    // An empty leaf (-1) counts as a mistake, as River's None prediction.
    return node.leaf.predictClass(x, this.opts.leafPrediction, this.opts.nbThreshold, this.search) === y;
  }

  private replace(parent: AdaBranch | null, slot: number, node: AdaNode): void {
    if (parent === null) this.root = node;
    else if (slot === LEFT) parent.left = node;
    else if (slot === RIGHT) parent.right = node;
    else parent.alternate = node;
  }

  private learnNode(node: AdaNode, x: Float64Array, y: number, w: number, parent: AdaBranch | null, slot: number, correct: boolean): void {
    if (node.isLeaf) this.learnLeaf(node, x, y, w, parent, slot, correct);
    else this.learnBranch(node, x, y, w, parent, slot, correct);
  }

  private learnLeaf(node: AdaLeaf, x: Float64Array, y: number, w: number, parent: AdaBranch | null, slot: number, correct: boolean): void {
    let lw = w;
    if (this.ada.bootstrapSampling) {
      // As River and MOA: a draw of 0 keeps the unit weight rather than skipping the example.
      const k = poisson(1, this.rng);
      if (k > 0) lw = w * k;
    }
    node.adwin.update(correct ? 0 : 1);
    const leaf = node.leaf;
    leaf.ensureClasses(this.nc);
    leaf.learn(x, y, lw, this.opts.leafPrediction, this.search);
    if (leaf.total - leaf.lastSplitAt < this.opts.gracePeriod) return;
    if (leaf.depth >= this.opts.maxDepth) {
      if (leaf.active) leaf.deactivate();
    } else if (leaf.active && leaf.shouldSplit(this.opts, this.search)) {
      const s = this.search;
      const nc = leaf.nc;
      const left = this.newLeaf(leaf.depth + 1, s.left.slice(0, nc));
      const right = this.newLeaf(leaf.depth + 1, s.right.slice(0, nc));
      const b = new AdaBranch(
        s.feature,
        s.threshold,
        leaf.depth,
        left,
        right,
        left.leaf.total,
        right.leaf.total,
        new Adwin({ delta: this.ada.adwinDelta }),
      );
      this.replace(parent, slot, b);
    }
    leaf.lastSplitAt = leaf.total;
  }

  private learnBranch(b: AdaBranch, x: Float64Array, y: number, w: number, parent: AdaBranch | null, slot: number, correct: boolean): void {
    const before = b.adwin.estimation;
    let change = b.adwin.update(correct ? 0 : 1);
    // A detected change towards fewer errors is no reason to start over.
    if (change && before > b.adwin.estimation) change = false;

    if (change) {
      b.alternate = this.newLeaf(b.depth);
      this.alternatesStarted++;
    } else if (b.alternate !== null) {
      const alt = b.alternate;
      const thr = this.ada.driftWindowThreshold;
      if (b.adwin.width > thr && alt.adwin.width > thr) {
        const oldErr = b.adwin.estimation;
        const altErr = alt.adwin.estimation;
        const n = 1 / alt.adwin.width + 1 / b.adwin.width;
        const bound = Math.sqrt(2 * oldErr * (1 - oldErr) * Math.log(2 / this.ada.switchSignificance) * n);
        if (bound < oldErr - altErr) {
          // The alternate takes this branch's place and learns the example from there.
          this.replace(parent, slot, alt);
          b.alternate = null;
          this.alternatesSwitched++;
          this.learnNode(alt, x, y, w, parent, slot, this.isCorrect(alt, x, y));
          return;
        }
        if (bound < altErr - oldErr) {
          b.alternate = null;
          this.alternatesPruned++;
        }
      }
    }
    if (b.alternate !== null) this.learnNode(b.alternate, x, y, w, b, ALTERNATE, this.isCorrect(b.alternate, x, y));

    if (b.goesLeft(x[b.feature])) {
      b.leftWeight += w;
      this.learnNode(b.left, x, y, w, b, LEFT, correct);
    } else {
      b.rightWeight += w;
      this.learnNode(b.right, x, y, w, b, RIGHT, correct);
    }
  }

  /**
   * Votes of the main leaf and of every alternate subtree on the path, each normalised to sum to
   * 1 / error^2 (its ADWIN error estimate), so the more accurate subtree dominates.
   */
  predictProba(x: Float64Array, out: Float64Array): void {
    out.fill(0);
    this.accumulate(this.root, x, out);
    let s = 0;
    for (let c = 0; c < out.length; c++) s += out[c];
    if (s > 0) for (let c = 0; c < out.length; c++) out[c] /= s;
  }

  private accumulate(node: AdaNode, x: Float64Array, out: Float64Array): void {
    while (!node.isLeaf) {
      if (node.alternate !== null) this.accumulate(node.alternate, x, out);
      node = node.goesLeft(x[node.feature]) ? node.left : node.right;
    }
    const leaf = node.leaf;
    if (leaf.total <= 0) return;
    leaf.ensureClasses(this.nc);
    const p = this.tmp;
    leaf.predictProba(x, p, this.opts.leafPrediction, this.opts.nbThreshold, this.search);
    const n = Math.min(out.length, this.nc);
    let s = 0;
    for (let c = 0; c < n; c++) s += p[c];
    if (!(s > 0)) return;
    const err = node.adwin.estimation;
    const scale = err > 0 ? 1 / (s * err * err) : 1 / s;
    for (let c = 0; c < n; c++) out[c] += p[c] * scale;
  }

  write(w: FloatWriter): void {
    w.num(this.nc);
    w.num(this.alternatesStarted);
    w.num(this.alternatesSwitched);
    w.num(this.alternatesPruned);
    writeAdaNode(w, this.root);
  }

  read(r: FloatReader): void {
    this.growClasses(r.int());
    this.alternatesStarted = r.num();
    this.alternatesSwitched = r.num();
    this.alternatesPruned = r.num();
    this.root = readAdaNode(r, this.ada.adwinDelta);
  }

  stateBytes(): number {
    return adaNodeBytes(this.root);
  }
}

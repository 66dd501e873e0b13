// The Hoeffding tree classifier algorithm (VFDT, Domingos & Hulten 2000, as in River and MOA),
// without the SQL-facing model wrapper: the Hoeffding tree model uses it directly and the
// adaptive random forest uses it, with a random feature subspace per leaf, as its member tree.
import type { Rng } from '../rng.js';
import { Branch, findLeaf, LeafPath, readSplitFields, splitAttemptDue, treeBytes, writeSplitFields } from './branch.js';
import type { ClassifierTreeOptions } from './classifier-options.js';
import type { FloatReader, FloatWriter } from './float-io.js';
import { LeafClassifier, SplitSearch } from './leaf-classifier.js';
import { readLeafClassifier, writeLeafClassifier } from './leaf-classifier-io.js';

type Node = LeafClassifier | Branch<LeafClassifier>;

export class HTClassifier {
  root: Node;
  /** Classes known so far (labels are 0..nc-1). */
  nc: number;
  private readonly search = new SplitSearch();
  private readonly path = new LeafPath<LeafClassifier>();
  private readonly allFeatures: Int32Array;
  /** Scratch for ARF's per-leaf feature sampling. */
  private readonly pool: Int32Array;

  constructor(
    readonly opts: ClassifierTreeOptions,
    readonly nFeatures: number,
    nc: number,
    /** Features each leaf monitors; < nFeatures draws a random subspace per leaf (ARF). */
    readonly maxFeatures: number = nFeatures,
    private readonly rng: Rng | null = null,
  ) {
    this.nc = Math.max(nc, 1);
    this.search.ensure(this.nc);
    this.allFeatures = Int32Array.from({ length: nFeatures }, (_, i) => i);
    this.pool = new Int32Array(nFeatures);
    this.root = this.newLeaf(0);
  }

  private leafFeatures(): Int32Array {
    if (this.maxFeatures >= this.nFeatures || !this.rng) return this.allFeatures;
    // Partial Fisher-Yates: the first maxFeatures entries of the pool are the sample.
    const pool = this.pool;
    for (let i = 0; i < pool.length; i++) pool[i] = i;
    for (let i = 0; i < this.maxFeatures; i++) {
      const j = i + Math.floor(this.rng.next() * (pool.length - i));
      const t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
    return pool.slice(0, this.maxFeatures);
  }

  private newLeaf(depth: number, counts?: Float64Array): LeafClassifier {
    return new LeafClassifier(depth, this.nc, this.leafFeatures(), counts);
  }

  growClasses(nc: number): void {
    if (nc <= this.nc) return;
    this.nc = nc;
    this.search.ensure(nc);
  }

  learn(x: Float64Array, y: number, w: number): void {
    if (y >= this.nc) this.growClasses(y + 1);
    const leaf = this.path.descend(this.root, x, w);
    leaf.ensureClasses(this.nc);
    leaf.learn(x, y, w, this.opts.leafPrediction, this.search);
    if (splitAttemptDue(leaf, leaf.total, this.opts)) {
      if (leaf.shouldSplit(this.opts, this.search)) this.split(leaf);
      leaf.lastSplitAt = leaf.total;
    }
  }

  private split(leaf: LeafClassifier): void {
    const s = this.search;
    const nc = leaf.nc;
    const left = this.newLeaf(leaf.depth + 1, s.left.slice(0, nc));
    const right = this.newLeaf(leaf.depth + 1, s.right.slice(0, nc));
    const branch = new Branch<LeafClassifier>(s.feature, s.threshold, leaf.depth, left, right, left.total, right.total);
    this.root = this.path.replaceLeaf(this.root, branch);
  }

  leafFor(x: Float64Array): LeafClassifier {
    return findLeaf(this.root, x);
  }

  predictProba(x: Float64Array, out: Float64Array): void {
    this.leafFor(x).predictProba(x, out, this.opts.leafPrediction, this.opts.nbThreshold, this.search);
  }

  /** The leaf's top class for x, or -1 while that leaf has seen nothing. */
  predictClass(x: Float64Array): number {
    return this.leafFor(x).predictClass(x, this.opts.leafPrediction, this.opts.nbThreshold, this.search);
  }

  write(w: FloatWriter): void {
    w.num(this.nc);
    writeNode(w, this.root);
  }

  read(r: FloatReader): void {
    this.nc = r.int();
    this.search.ensure(this.nc);
    this.root = readNode(r);
  }

  stateBytes(): number {
    return treeBytes(this.root);
  }

  counts(): { leaves: number; branches: number; depth: number } {
    const out = { leaves: 0, branches: 0, depth: 0 };
    const walk = (n: Node, d: number): void => {
      out.depth = Math.max(out.depth, d);
      if (n.isLeaf) out.leaves++;
      else {
        out.branches++;
        walk(n.left, d + 1);
        walk(n.right, d + 1);
      }
    };
    walk(this.root, 0);
    return out;
  }
}

function writeNode(w: FloatWriter, n: Node): void {
  if (n.isLeaf) {
    w.num(0);
    writeLeafClassifier(w, n);
    return;
  }
  writeSplitFields(w, n);
  writeNode(w, n.left);
  writeNode(w, n.right);
}

function readNode(r: FloatReader): Node {
  const tag = r.int();
  if (tag === 0) return readLeafClassifier(r);
  if (tag !== 1) throw new Error('model state: corrupt tree');
  const f = readSplitFields(r);
  const left = readNode(r);
  const right = readNode(r);
  return new Branch<LeafClassifier>(f.feature, f.threshold, f.depth, left, right, f.leftWeight, f.rightWeight);
}

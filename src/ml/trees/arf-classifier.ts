// Adaptive random forest (Gomes et al. 2017, as River's forest.ARFClassifier): Hoeffding trees
// that each monitor a random feature subspace per leaf, trained by online bagging with
// Poisson(lambda) weights. Each tree has two ADWINs over its 0/1 errors: the warning one (looser
// delta) starts a background tree, the drift one swaps the background tree in (or restarts the
// tree). Votes are weighted by each tree's accuracy since its last reset.
import type { Rng } from '../rng.js';
import { Adwin } from '../drift/adwin.js';
import type { ClassifierTreeOptions } from './classifier-options.js';
import type { FloatReader, FloatWriter } from './float-io.js';
import { HTClassifier } from './ht-classifier.js';
import { poisson } from './poisson.js';

export interface ForestOptions {
  nModels: number;
  /** Features per leaf subspace, already resolved from 'sqrt' / 'log2' / a number. */
  maxFeatures: number;
  lambdaValue: number;
  driftDelta: number;
  warningDelta: number;
  disableWeightedVote: boolean;
}

class Member {
  background: HTClassifier | null = null;
  correct = 0;
  total = 0;
  constructor(
    public tree: HTClassifier,
    public warning: Adwin,
    public drift: Adwin,
  ) {}
}

export class ARFClassifier {
  private readonly members: Member[] = [];
  nc: number;
  private tmp: Float64Array;
  warnings = 0;
  drifts = 0;

  constructor(
    readonly treeOpts: ClassifierTreeOptions,
    readonly forest: ForestOptions,
    readonly nFeatures: number,
    nc: number,
    private readonly rng: Rng,
  ) {
    this.nc = Math.max(nc, 1);
    this.tmp = new Float64Array(this.nc);
    for (let i = 0; i < forest.nModels; i++) {
      this.members.push(new Member(this.newTree(), new Adwin({ delta: forest.warningDelta }), new Adwin({ delta: forest.driftDelta })));
    }
  }

  private newTree(): HTClassifier {
    return new HTClassifier(this.treeOpts, this.nFeatures, this.nc, this.forest.maxFeatures, this.rng);
  }

  learn(x: Float64Array, y: number): void {
    if (y >= this.nc) {
      this.nc = y + 1;
      this.tmp = new Float64Array(this.nc);
    }
    for (let i = 0; i < this.members.length; i++) {
      const m = this.members[i];
      // -1 (an empty leaf) counts as a mistake, as River's None prediction.
      const err = m.tree.predictClass(x) === y ? 0 : 1;
      m.total++;
      m.correct += 1 - err;
      const k = poisson(this.forest.lambdaValue, this.rng);
      if (k === 0) continue;
      m.background?.learn(x, y, k);
      m.tree.learn(x, y, k);
      if (m.warning.update(err)) {
        m.background = this.newTree();
        m.warning = new Adwin({ delta: this.forest.warningDelta });
        this.warnings++;
      }
      if (m.drift.update(err)) {
        if (m.background !== null) {
          m.tree = m.background;
          m.background = null;
          m.warning = new Adwin({ delta: this.forest.warningDelta });
        } else {
          m.tree = this.newTree();
        }
        m.drift = new Adwin({ delta: this.forest.driftDelta });
        m.correct = 0;
        m.total = 0;
        this.drifts++;
      }
    }
  }

  predictProba(x: Float64Array, out: Float64Array): void {
    out.fill(0);
    const p = this.tmp;
    const n = Math.min(out.length, p.length);
    for (let i = 0; i < this.members.length; i++) {
      const m = this.members[i];
      m.tree.predictProba(x, p);
      const acc = m.total > 0 ? m.correct / m.total : 0;
      const wgt = !this.forest.disableWeightedVote && acc > 0 ? acc : 1;
      for (let c = 0; c < n; c++) out[c] += wgt * p[c];
    }
    let s = 0;
    for (let c = 0; c < out.length; c++) s += out[c];
    if (s > 0) for (let c = 0; c < out.length; c++) out[c] /= s;
  }

  write(w: FloatWriter): void {
    w.num(this.nc);
    w.num(this.warnings);
    w.num(this.drifts);
    for (const m of this.members) {
      m.tree.write(w);
      w.bool(m.background !== null);
      m.background?.write(w);
      m.warning.write(w);
      m.drift.write(w);
      w.num(m.correct);
      w.num(m.total);
    }
    // Last: rebuilding the trees on restore draws from the generator, so it is restored after.
    w.num(this.rng.state);
  }

  read(r: FloatReader): void {
    this.nc = r.int();
    this.tmp = new Float64Array(this.nc);
    this.warnings = r.num();
    this.drifts = r.num();
    for (const m of this.members) {
      m.tree = this.newTree();
      m.tree.read(r);
      m.background = null;
      if (r.bool()) {
        m.background = this.newTree();
        m.background.read(r);
      }
      m.warning = Adwin.read(r, { delta: this.forest.warningDelta });
      m.drift = Adwin.read(r, { delta: this.forest.driftDelta });
      m.correct = r.num();
      m.total = r.num();
    }
    this.rng.state = r.num();
  }

  stateBytes(): number {
    let b = 0;
    for (const m of this.members) {
      b += 64 + m.tree.stateBytes() + m.warning.stateBytes() + m.drift.stateBytes();
      if (m.background) b += m.background.stateBytes();
    }
    return b;
  }
}

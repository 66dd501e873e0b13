// A numeric binary split node (x[feature] <= threshold goes left), shared by the Hoeffding tree
// classifier and regressor. A missing value (NaN) follows the branch that has seen more weight,
// River's "most common path".

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

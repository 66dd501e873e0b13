// An array an operator fills anew for every record, and whose receiver lets go of it when it
// returns (see BuildOptions.terminalLetsGo). It is renewed every RENEW_EVERY records so that it
// stays in the young generation: an array kept for long is promoted to the old generation, and
// then every store of a value made for this record (a number decoded from it is a new heap
// object) takes the write barrier's slow path, a call per value (5% of a model's pipeline).
// Two young collections promote an object; they are thousands of records apart.

const RENEW_EVERY = 128;

export class ReusedRow {
  private uses = 0;
  private row: unknown[];

  constructor(private readonly width: number) {
    this.row = new Array(width);
  }

  /** The array for the next record: the caller writes every slot it reads. */
  next(): unknown[] {
    if (++this.uses === RENEW_EVERY) {
      this.uses = 0;
      this.row = new Array(this.width);
    }
    return this.row;
  }
}

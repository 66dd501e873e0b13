// A MemoryLog partition's entry per record — what holds it (a chunk or the record itself), its
// place in a chunk, its offset and its global append sequence — kept in blocks of 4,096. Plain
// arrays of these grew by copying: each growth of a large array allocated a new one in V8's
// large-object space (fresh pages, faulted in and filled with holes) and copied the old, 4% of
// an embedded pipeline's CPU. Blocks never move; numbers sit in typed arrays the collector does
// not scan; a deleted prefix is dropped a block at a time without shifting the rest.

const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;
/** A partition's first block starts this small and grows by 4x (most partitions stay small). */
const FIRST_CAPACITY = 16;

class Block<T> {
  /** null in the slots not yet filled. */
  holders: (T | null)[];
  places: Int32Array;
  offsets: Float64Array;
  seqs: Float64Array;

  constructor(public cap: number) {
    this.holders = new Array<T | null>(cap).fill(null);
    this.places = new Int32Array(cap);
    this.offsets = new Float64Array(cap);
    this.seqs = new Float64Array(cap);
  }

  grow(): void {
    const cap = Math.min(this.cap * 4, BLOCK);
    this.holders = this.holders.concat(new Array<T | null>(cap - this.cap).fill(null));
    const places = new Int32Array(cap); places.set(this.places); this.places = places;
    const offsets = new Float64Array(cap); offsets.set(this.offsets); this.offsets = offsets;
    const seqs = new Float64Array(cap); seqs.set(this.seqs); this.seqs = seqs;
    this.cap = cap;
  }
}

export class PartitionIndex<T> {
  private blocks: Block<T>[] = [];
  private n = 0;

  get length(): number { return this.n; }

  push(holder: T, place: number, offset: number, seq: number): void {
    const i = this.n;
    const j = i & MASK;
    let b = this.blocks[i >> BLOCK_BITS];
    if (b === undefined) {
      b = new Block<T>(this.blocks.length === 0 ? FIRST_CAPACITY : BLOCK);
      this.blocks.push(b);
    } else if (j === b.cap) {
      b.grow();
    }
    b.holders[j] = holder;
    b.places[j] = place;
    b.offsets[j] = offset;
    b.seqs[j] = seq;
    this.n = i + 1;
  }

  holder(i: number): T { return this.blocks[i >> BLOCK_BITS].holders[i & MASK] as T; }
  place(i: number): number { return this.blocks[i >> BLOCK_BITS].places[i & MASK]; }
  offset(i: number): number { return this.blocks[i >> BLOCK_BITS].offsets[i & MASK]; }
  seq(i: number): number { return this.blocks[i >> BLOCK_BITS].seqs[i & MASK]; }

  /** Index of the first entry at or after index `from` whose offset is >= `offset`; `length` if none. */
  indexOf(offset: number, from: number): number {
    let lo = from;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.offset(mid) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Drops the whole blocks before index `before` (entries there are dead); returns how many
   * entries were dropped (a multiple of the block size): every later index moves down by it.
   */
  dropBefore(before: number): number {
    const k = Math.min(before, this.n) >> BLOCK_BITS;
    if (k === 0) return 0;
    this.blocks.splice(0, k);
    this.n -= k * BLOCK;
    return k * BLOCK;
  }
}

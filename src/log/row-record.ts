// A record to produce whose value is held as its row and encoded only when the bytes are read.
// A log in this process (Log.keepsRows) stores the row and hands it to readers of the same codec,
// so a value nobody reads as bytes (a CSAS's output read by a push query, a COPY read by a CSAS)
// is never encoded; a broker's producer reads `value` and gets the bytes as usual.
import type { Header, ProducerRecord, RowEncoder, RowSizes } from './log.js';

export class RowRecord implements ProducerRecord, RowSizes {
  private bytes: Uint8Array | undefined;
  /** The value's sizes (see sizes()), -1 until measured. */
  bound = -1;
  estimate = -1;

  /** `valueRow` must be the serde's copy (rowToKeep): it is kept, and never changed. */
  constructor(
    readonly key: Uint8Array | null,
    readonly valueRow: readonly unknown[],
    readonly valueEncoder: RowEncoder,
    readonly timestamp?: number,
    readonly headers?: Header[],
  ) {}

  get valueCodec(): number { return this.valueEncoder.codec; }

  get value(): Uint8Array {
    if (this.bytes === undefined) this.bytes = this.valueEncoder.encode(this.valueRow);
    return this.bytes;
  }

  /** The value's sizes without encoding it, measured once (a log checks the bound, counts the estimate). */
  sizes(): RowSizes {
    if (this.bound < 0) this.valueEncoder.measure(this.valueRow, this);
    return this;
  }

  /** The bytes if something has read them already (the log keeps them then). */
  get encoded(): Uint8Array | undefined { return this.bytes; }
}

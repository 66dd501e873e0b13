// Transactions on MemoryLog. A transaction buffers its records and offsets; commit() hands them
// to MemoryLog.appendAtomically, which appends every topic's records and commits the groups'
// offsets in one synchronous step (what read_committed readers see of a Kafka transaction).
// abort() drops the buffer. One transactional id is one producer at a time: the first begin()
// of a newer producer with the same id fences the older one (its open transaction is dropped
// and its every later call throws PRODUCER_FENCED), as Kafka's InitProducerId does.
//
// Shared with KafkaTransactionalProducer: produce/sendOffsets/commit with no open transaction
// and begin() with one open throw INVALID_TRANSACTION_STATE; abort() with none open does
// nothing. A call that fails ends the transaction (aborted), so a transaction missing some of its
// records can never be committed; the next step is begin().

import { RowRecord } from './row-record.js';
import { LogError } from './log-error.js';
import type { ProducerRecord, TransactionalProducer } from './log.js';
import type { MemoryLog } from './memory-log.js';

type Offset = { topic: string; partition: number; offset: number };

interface OpenTransaction {
  batches: { topic: string; records: ProducerRecord[] }[];
  offsets: Map<string, Offset & { groupId: string }>;
}

/** The current producer of each transactional id, per log. */
const owners = new WeakMap<MemoryLog, Map<string, MemoryTransactionalProducer>>();

export function memoryTransactionalProducer(log: MemoryLog, id: string): TransactionalProducer {
  return new MemoryTransactionalProducer(log, id);
}

class MemoryTransactionalProducer implements TransactionalProducer {
  private txn: OpenTransaction | undefined;
  private initialized = false;
  private fenced = false;
  private closed = false;
  /** Why the last transaction ended without commit or abort, for the next state error. */
  private failure: string | undefined;

  constructor(private readonly log: MemoryLog, private readonly id: string) {}

  async begin(): Promise<void> {
    this.checkUsable();
    if (!this.initialized) {
      let byId = owners.get(this.log);
      if (!byId) owners.set(this.log, (byId = new Map()));
      const older = byId.get(this.id);
      if (older && older !== this) older.fence();
      byId.set(this.id, this);
      this.initialized = true;
    }
    if (this.txn) throw new LogError('INVALID_TRANSACTION_STATE', `transactional producer '${this.id}' already has an open transaction`);
    this.txn = { batches: [], offsets: new Map() };
    this.failure = undefined;
  }

  async produce(topic: string, records: ProducerRecord[]): Promise<void> {
    const txn = this.open('produce');
    await this.failing(async () => {
      const d = await this.log.describeTopic(topic);
      if (!d) throw new LogError('UNKNOWN_TOPIC', `topic '${topic}' does not exist`);
      for (const r of records) {
        if (r.partition !== undefined && (!Number.isInteger(r.partition) || r.partition < 0 || r.partition >= d.partitions)) {
          throw new LogError('INVALID_PARTITION', `topic '${topic}' has no partition ${r.partition} (it has ${d.partitions})`);
        }
      }
    });
    if (this.txn !== txn) throw this.stateError('produce'); // fenced or closed meanwhile
    // Copies of the records (not of their bytes): the caller may reuse its array and objects.
    // A RowRecord is immutable, and a copy by spread would lose its value (a getter).
    const copies = records.map((r) => (r instanceof RowRecord ? r : { ...r }));
    const last = txn.batches[txn.batches.length - 1];
    if (last?.topic === topic) last.records.push(...copies);
    else if (copies.length > 0) txn.batches.push({ topic, records: copies });
  }

  async sendOffsets(groupId: string, offsets: Offset[]): Promise<void> {
    const txn = this.open('sendOffsets');
    await this.failing(async () => {
      for (const o of offsets) {
        const d = await this.log.describeTopic(o.topic);
        if (!d) throw new LogError('UNKNOWN_TOPIC', `topic '${o.topic}' does not exist`);
        if (!Number.isInteger(o.partition) || o.partition < 0 || o.partition >= d.partitions) {
          throw new LogError('INVALID_PARTITION', `topic '${o.topic}' has no partition ${o.partition}`);
        }
      }
    });
    if (this.txn !== txn) throw this.stateError('sendOffsets');
    for (const o of offsets) txn.offsets.set(`${groupId}\u0000${o.topic}/${o.partition}`, { groupId, ...o });
  }

  async commit(): Promise<void> {
    const txn = this.open('commit');
    this.txn = undefined;
    try {
      this.log.appendAtomically(txn.batches, [...txn.offsets.values()]);
    } catch (e) {
      this.failure = `commit failed: ${(e as Error).message}`;
      throw e;
    }
  }

  async abort(): Promise<void> {
    this.checkUsable();
    this.txn = undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.txn = undefined;
  }

  /** A newer producer with our id began: drop the open transaction; every later call fails. */
  private fence(): void {
    this.fenced = true;
    this.txn = undefined;
  }

  /** Runs a validation; if it throws, the transaction ends (aborted). */
  private async failing(f: () => Promise<void>): Promise<void> {
    try {
      await f();
    } catch (e) {
      this.txn = undefined;
      this.failure = `a call failed and aborted it: ${(e as Error).message}`;
      throw e;
    }
  }

  private open(call: string): OpenTransaction {
    this.checkUsable();
    if (!this.txn) throw this.stateError(call);
    return this.txn;
  }

  private stateError(call: string): LogError {
    if (this.fenced || this.closed) return this.usableError()!;
    const why = this.failure ? ` (the last transaction ended: ${this.failure})` : '';
    return new LogError('INVALID_TRANSACTION_STATE', `${call}() of transactional producer '${this.id}' needs an open transaction: call begin() first${why}`);
  }

  private checkUsable(): void {
    const e = this.usableError();
    if (e) throw e;
  }

  private usableError(): LogError | undefined {
    if (this.fenced) {
      return new LogError('PRODUCER_FENCED', `transactional producer '${this.id}' was fenced: a newer producer with the same transactional id took over`);
    }
    if (this.closed) return new LogError('CLOSED', `transactional producer '${this.id}' is closed`);
    return undefined;
  }
}

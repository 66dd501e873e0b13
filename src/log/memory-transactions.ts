// STUB (being implemented): transactions on MemoryLog.
import type { TransactionalProducer } from './log.js';
import type { MemoryLog } from './memory-log.js';

export function memoryTransactionalProducer(_log: MemoryLog, _id: string): TransactionalProducer {
  throw new Error('not implemented yet');
}

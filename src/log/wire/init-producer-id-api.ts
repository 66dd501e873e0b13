// InitProducerId (API 22, v0..v1, non-flexible): a producer id and epoch for an idempotent
// producer (no transactional id: any broker answers).
import type { BrokerConnection } from './broker-connection.js';
import { kafkaError } from './wire-errors.js';

export const INIT_PRODUCER_ID = 22;
const VERSIONS = [0, 1];

export async function initProducerId(c: BrokerConnection, transactionTimeoutMs: number): Promise<{ producerId: number; producerEpoch: number }> {
  await c.connect();
  const v = c.pickVersion(INIT_PRODUCER_ID, VERSIONS);
  const r = await c.request(INIT_PRODUCER_ID, v, (w) => { w.nullableString(null).int32(transactionTimeoutMs); });
  r.int32(); // throttle
  const error = r.int16();
  if (error !== 0) throw kafkaError(error, `InitProducerId from ${c.address}`);
  return { producerId: r.int64(), producerEpoch: r.int16() };
}

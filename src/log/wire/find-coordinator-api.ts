// FindCoordinator (API 10, v1..v2, non-flexible): the broker that coordinates a consumer group.
import type { BrokerConnection } from './broker-connection.js';
import { kafkaError } from './wire-errors.js';

export const FIND_COORDINATOR = 10;
const VERSIONS = [1, 2];
const KEY_TYPE_GROUP = 0;

/** The node id of `groupId`'s coordinator; throws its error (e.g. COORDINATOR_NOT_AVAILABLE, retriable). */
export async function findGroupCoordinator(c: BrokerConnection, groupId: string): Promise<number> {
  await c.connect();
  const v = c.pickVersion(FIND_COORDINATOR, VERSIONS);
  const r = await c.request(FIND_COORDINATOR, v, (w) => { w.string(groupId).int8(KEY_TYPE_GROUP); });
  r.int32(); // throttle
  const error = r.int16();
  const message = r.nullableString();
  const nodeId = r.int32();
  if (error !== 0) throw kafkaError(error, `finding the coordinator of group '${groupId}'`, message);
  return nodeId;
}

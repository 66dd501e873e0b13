// Creating a topic that other processes may be creating at the same moment: two instances of a
// service starting together both find the service's topics missing and both create them. The one
// that loses gets TOPIC_EXISTS; the topic is there, so that is success — if it fits.
import type { Log, TopicDescription, TopicSpec } from './log.js';
import { LogError } from './log-error.js';

/**
 * Creates the topic unless it exists. Returns the existing topic's description when it was
 * there (created before or concurrently), undefined when this call created it. An existing topic
 * with other partitions than `spec` asks for is an error (INVALID_TOPIC) unless `anyPartitions`.
 */
export async function createTopicIfAbsent(log: Log, name: string, spec: TopicSpec, anyPartitions = false): Promise<TopicDescription | undefined> {
  const before = await log.describeTopic(name);
  if (before) return fits(before, spec, anyPartitions);
  try {
    await log.createTopic(name, spec);
    return undefined;
  } catch (e) {
    if (!(e instanceof LogError && e.code === 'TOPIC_EXISTS')) throw e;
    const now = await log.describeTopic(name);
    if (!now) throw e; // created and deleted again meanwhile: nothing to use
    return fits(now, spec, anyPartitions);
  }
}

function fits(t: TopicDescription, spec: TopicSpec, anyPartitions: boolean): TopicDescription {
  if (!anyPartitions && t.partitions !== spec.partitions) {
    throw new LogError('INVALID_TOPIC', `topic '${t.name}' already exists with ${t.partitions} partitions, not the ${spec.partitions} required`);
  }
  return t;
}

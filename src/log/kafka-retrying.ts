// Retries of single Kafka requests that fail transiently: a leadership a broker has not taken
// up yet, a coordinator loading or moving, a broker that did not answer. Bounded (~8 s).
import { kafkaErrorType } from './kafka-errors.js';

const ATTEMPTS = 12;

/**
 * Runs `f` again while it fails with an error marked retriable (Eddy's wire errors and kafkajs's
 * alike). Not for an unknown topic (callers decide what that means) nor an offset out of range.
 */
export async function retrying<T>(f: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await f(attempt);
    } catch (e) {
      const type = kafkaErrorType(e);
      const err = e as { retriable?: boolean; name?: string };
      // kafkajs gives up finding a group coordinator at once, as non-retriable, when no broker
      // answered the request (one going down or just back): as transient as a refused connection.
      const retriable = (err.retriable === true || err.name === 'KafkaJSGroupCoordinatorNotFound')
        && type !== 'UNKNOWN_TOPIC_OR_PARTITION' && type !== 'OFFSET_OUT_OF_RANGE';
      if (!retriable || attempt >= ATTEMPTS) throw e;
      await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** attempt, 1000)));
    }
  }
}

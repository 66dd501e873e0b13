// Topic administration on a broker: create, delete, describe (with the topic's own configs) and
// list. Existence checks go through KafkaDirect (one metadata request that fails fast); the
// kafkajs admin would retry an unknown topic for seconds.
//
// A KRaft broker applies topic changes to its metadata a little after the controller confirms
// them, and until then answers UNKNOWN_TOPIC_OR_PARTITION, even to a request for all topics
// (which the kafkajs admin sends before each operation). kafkajs's own wait for a new topic's
// leaders only tolerates LEADER_NOT_AVAILABLE, so KafkaTopics waits and retries itself.

import kafkajs from 'kafkajs';
import type { Admin, Kafka } from 'kafkajs';
import { LogError } from './log-error.js';
import type { TopicDescription, TopicSpec } from './log.js';
import type { KafkaDirect, TopicMetadata } from './kafka-direct.js';
import { kafkaErrorType, toLogError } from './kafka-errors.js';
import { topicNameProblem } from './memory-topic.js';

const { ConfigResourceTypes, ConfigSource } = kafkajs;

/** How long to wait for a created or deleted topic to show (or vanish) in the brokers' metadata. */
const SETTLE_MS = 10_000;

export class KafkaTopics {
  private readonly admin: Admin;
  private connected: Promise<void> | undefined;

  constructor(kafka: Kafka, private readonly direct: KafkaDirect) {
    this.admin = kafka.admin();
  }

  private async ready(): Promise<Admin> {
    this.connected ??= this.admin.connect().catch((e: unknown) => {
      this.connected = undefined;
      throw e;
    });
    await this.connected;
    return this.admin;
  }

  async create(name: string, spec: TopicSpec): Promise<void> {
    const problem = topicNameProblem(name);
    if (problem) throw new LogError('INVALID_TOPIC', problem);
    if (!Number.isInteger(spec.partitions) || spec.partitions < 1) {
      throw new LogError('INVALID_TOPIC', `topic '${name}' needs a positive number of partitions, not ${spec.partitions}`);
    }
    const admin = await this.ready();
    let created: boolean;
    try {
      // Nothing is created before the request, so a metadata hiccup ahead of it can be retried.
      created = await retryLagging(() => admin.createTopics({
        topics: [{
          topic: name,
          numPartitions: spec.partitions,
          replicationFactor: spec.replicas ?? -1, // -1: the broker's default.replication.factor
          configEntries: Object.entries(spec.config ?? {}).map(([k, v]) => ({ name: k, value: String(v) })),
        }],
        waitForLeaders: false,
        timeout: SETTLE_MS,
      }));
    } catch (e) {
      throw toLogError(e, `cannot create topic '${name}'`);
    }
    if (!created) {
      // Often another process creating it at the same moment (two instances of a service
      // starting together): let the caller that takes this as success use it at once.
      await this.served(name, undefined).catch(() => undefined);
      throw new LogError('TOPIC_EXISTS', `topic '${name}' already exists`);
    }
    await this.served(name, spec.partitions);
  }

  /**
   * Returns once the broker serves the topic: every partition known (`partitions` of them, if
   * given), led, and its leader answering for it (listing offsets retries until the leadership
   * is taken up).
   */
  private async served(name: string, partitions: number | undefined): Promise<void> {
    const deadline = Date.now() + SETTLE_MS;
    for (;;) {
      const t = await this.direct.topic(name).catch((e: unknown) => (lagging(e) ? undefined : Promise.reject(e)));
      if (t && t.partitions.length > 0 && (partitions === undefined || t.partitions.length === partitions)
        && t.partitions.every((p) => p.leader >= 0)) {
        await this.direct.offsets(name, 'latest', t);
        return;
      }
      if (Date.now() > deadline) throw new Error(`topic '${name}' was created but is not served after ${SETTLE_MS} ms`);
      await sleep(50);
    }
  }

  async delete(name: string): Promise<void> {
    await this.direct.requireTopic(name);
    const admin = await this.ready();
    try {
      await admin.deleteTopics({ topics: [name], timeout: SETTLE_MS });
    } catch (e) {
      // kafkajs refreshes metadata before and after the request: the topic may be gone anyway.
      if (!lagging(e) || (await this.direct.topic(name))) throw toLogError(e, `cannot delete topic '${name}'`);
    }
    // Deletion is asynchronous on the brokers: wait until metadata no longer shows the topic, so
    // a describe or re-create right after sees it gone.
    const deadline = Date.now() + SETTLE_MS;
    while ((await this.direct.topic(name)) && Date.now() < deadline) await sleep(50);
  }

  async describe(name: string): Promise<TopicDescription | undefined> {
    const t = await this.direct.topic(name);
    if (!t) return undefined;
    try {
      const configs = await this.configs([name]);
      return describe(t, configs.get(name) ?? {});
    } catch (e) {
      if (kafkaErrorType(e) === 'UNKNOWN_TOPIC_OR_PARTITION') return undefined; // deleted meanwhile
      throw e;
    }
  }

  /** User topics (not Kafka's internal ones, nor names starting with '__'), sorted by name. */
  async list(): Promise<TopicDescription[]> {
    // A topic deleted between the metadata and the configs request fails the whole request:
    // then look again (the next metadata no longer lists it).
    for (let attempt = 1; ; attempt++) {
      const all = (await this.direct.topics()).filter((t) => !t.internal && !t.name.startsWith('__'));
      if (all.length === 0) return [];
      let configs: Map<string, Record<string, string>>;
      try {
        configs = await this.configs(all.map((t) => t.name), false);
      } catch (e) {
        if (attempt < 25 && lagging(e)) { await sleep(Math.min(50 * 2 ** attempt, 250)); continue; }
        throw e;
      }
      return all
        .map((t) => describe(t, configs.get(t.name) ?? {}))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
  }

  async close(): Promise<void> {
    const was = this.connected;
    this.connected = undefined;
    if (was) await was.then(() => this.admin.disconnect(), () => undefined);
  }

  /** The configs set on each topic itself (not broker defaults), as MemoryLog keeps its spec. */
  private async configs(names: string[], retryUnknown = true): Promise<Map<string, Record<string, string>>> {
    const admin = await this.ready();
    const request = () => admin.describeConfigs({
      resources: names.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
      includeSynonyms: false,
    });
    // list() retries itself, with fresh metadata: a topic may be gone since it asked.
    const res = retryUnknown ? await retryLagging(request) : await request();
    const out = new Map<string, Record<string, string>>();
    for (const r of res.resources) {
      const config: Record<string, string> = {};
      for (const c of r.configEntries) {
        if (c.configSource === ConfigSource.TOPIC_CONFIG && !c.isSensitive) config[c.configName] = c.configValue;
      }
      out.set(r.resourceName, config);
    }
    return out;
  }
}

function describe(t: TopicMetadata, config: Record<string, string>): TopicDescription {
  return { name: t.name, partitions: t.partitions.length, replicas: t.partitions[0]?.replicas.length ?? 0, config };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** An error a broker gives while its metadata lags behind the controller's. */
function lagging(e: unknown): boolean {
  const type = kafkaErrorType(e);
  return type === 'UNKNOWN_TOPIC_OR_PARTITION' || type === 'LEADER_NOT_AVAILABLE';
}

/** Runs `f` again (for up to ~5 s) while it fails because broker metadata lags. */
async function retryLagging<T>(f: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await f();
    } catch (e) {
      if (!lagging(e) || attempt >= 25) throw e;
      await sleep(Math.min(50 * 2 ** attempt, 250));
    }
  }
}

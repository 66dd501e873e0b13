// The brokers of a cluster as Eddy's wire client sees them: a connection per broker (by node id,
// learnt from metadata; the bootstrap list only to ask the first one) and each topic's partition
// leaders, cached until a request says they moved (stale()).
import { BrokerConnection, type ConnectionSettings } from './broker-connection.js';
import { checkTopic, fetchMetadata, type BrokerAddress, type TopicLeaders } from './metadata-api.js';
import { WireConnectionError, WireError } from './wire-errors.js';

export class WireCluster {
  private readonly bootstrap: BrokerConnection[];
  private readonly byNode = new Map<number, BrokerConnection>();
  private addresses = new Map<number, BrokerAddress>();
  private readonly leaders = new Map<string, Promise<TopicLeaders>>();
  private closed = false;

  constructor(brokers: string[], private readonly settings: ConnectionSettings) {
    this.bootstrap = brokers.map((b) => {
      const i = b.lastIndexOf(':');
      return new BrokerConnection(b.slice(0, i), Number(b.slice(i + 1)), settings);
    });
  }

  /** The connection to broker `nodeId` (its address looked up if not yet known). */
  async broker(nodeId: number): Promise<BrokerConnection> {
    this.checkOpen();
    let c = this.byNode.get(nodeId);
    if (c) return c;
    if (!this.addresses.has(nodeId)) await this.refresh(null);
    const a = this.addresses.get(nodeId);
    if (!a) throw new WireError('BROKER_NOT_AVAILABLE', `no broker with node id ${nodeId} in the cluster's metadata`, true);
    c = this.byNode.get(nodeId);
    if (!c) this.byNode.set(nodeId, (c = new BrokerConnection(a.host, a.port, this.settings)));
    return c;
  }

  /** Any connected-or-connectable broker: known ones first, then the bootstrap list. */
  async any(): Promise<BrokerConnection> {
    this.checkOpen();
    let last: unknown;
    for (const c of [...this.byNode.values(), ...this.bootstrap]) {
      try {
        await c.connect();
        return c;
      } catch (e) {
        last = e;
      }
    }
    throw last instanceof Error ? last : new WireConnectionError('no broker reachable');
  }

  /** A topic's partition leaders (cached); throws the topic's error (e.g. UNKNOWN_TOPIC_OR_PARTITION). */
  topic(name: string): Promise<TopicLeaders> {
    let p = this.leaders.get(name);
    if (!p) {
      p = this.refresh([name]).then((ts) => {
        const t = ts.find((x) => x.name === name);
        if (!t) throw new WireError('UNKNOWN_TOPIC_OR_PARTITION', `metadata of topic '${name}': UNKNOWN_TOPIC_OR_PARTITION`, true, 3);
        checkTopic(t);
        if (t.partitions.some((x) => x.leader < 0)) throw new WireError('LEADER_NOT_AVAILABLE', `topic '${name}' has a partition without a leader`, true, 5);
        return t;
      });
      this.leaders.set(name, p);
      p.catch(() => { if (this.leaders.get(name) === p) this.leaders.delete(name); });
    }
    return p;
  }

  /** Forgets a topic's leaders: the next request asks again. */
  stale(name: string): void {
    this.leaders.delete(name);
  }

  close(): void {
    this.closed = true;
    for (const c of [...this.byNode.values(), ...this.bootstrap]) c.close();
  }

  private async refresh(topics: string[] | null): Promise<TopicLeaders[]> {
    const md = await fetchMetadata(await this.any(), topics);
    const next = new Map(this.addresses);
    for (const b of md.brokers) {
      const had = next.get(b.nodeId);
      if (had && (had.host !== b.host || had.port !== b.port)) {
        this.byNode.get(b.nodeId)?.close();
        this.byNode.delete(b.nodeId);
      }
      next.set(b.nodeId, b);
    }
    this.addresses = next;
    return md.topics;
  }

  private checkOpen(): void {
    if (this.closed) throw new WireConnectionError('the wire client is closed');
  }
}

// The brokers of a cluster as Eddy's wire client sees them: connections per broker (by node id,
// learnt from metadata; the bootstrap list only to ask the first one) and each topic's partition
// leaders, cached until a request says they moved (stale()).
//
// Connections come in lanes: a broker answers one connection's requests in order, so a fetch
// waiting for data (up to its max wait) would hold up a produce or a metadata request behind it.
// Each consumer's fetcher has a lane of its own; producing and metadata share the 'main' lane.
import { BrokerConnection, type ConnectionSettings } from './broker-connection.js';
import { checkTopic, fetchMetadata, type BrokerAddress, type TopicLeaders } from './metadata-api.js';
import { WireConnectionError, WireError } from './wire-errors.js';

export class WireCluster {
  private readonly bootstrap: BrokerConnection[];
  /** Connections by lane, then node id. */
  private readonly lanes = new Map<string, Map<number, BrokerConnection>>();
  private addresses = new Map<number, BrokerAddress>();
  private readonly leaders = new Map<string, Promise<TopicLeaders>>();
  private closed = false;

  constructor(brokers: string[], private readonly settings: ConnectionSettings) {
    this.bootstrap = brokers.map((b) => {
      const i = b.lastIndexOf(':');
      return new BrokerConnection(b.slice(0, i), Number(b.slice(i + 1)), settings);
    });
  }

  /** The connection to broker `nodeId` in `lane` (its address looked up if not yet known). */
  async broker(nodeId: number, lane = 'main'): Promise<BrokerConnection> {
    this.checkOpen();
    let byNode = this.lanes.get(lane);
    let c = byNode?.get(nodeId);
    if (c) return c;
    if (!this.addresses.has(nodeId)) await this.refresh(null);
    const a = this.addresses.get(nodeId);
    if (!a) throw new WireError('BROKER_NOT_AVAILABLE', `no broker with node id ${nodeId} in the cluster's metadata`, true);
    this.checkOpen();
    if (!byNode) this.lanes.set(lane, (byNode = new Map()));
    c = byNode.get(nodeId);
    if (!c) byNode.set(nodeId, (c = new BrokerConnection(a.host, a.port, this.settings)));
    return c;
  }

  /** Closes a lane's connections (a consumer closing). */
  release(lane: string): void {
    for (const c of this.lanes.get(lane)?.values() ?? []) c.close();
    this.lanes.delete(lane);
  }

  /** Any connected-or-connectable broker of the main lane: known ones first, then the bootstrap list. */
  async any(): Promise<BrokerConnection> {
    this.checkOpen();
    let last: unknown;
    for (const c of [...(this.lanes.get('main')?.values() ?? []), ...this.bootstrap]) {
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
    for (const lane of this.lanes.values()) for (const c of lane.values()) c.close();
    this.lanes.clear();
    for (const c of this.bootstrap) c.close();
  }

  private async refresh(topics: string[] | null): Promise<TopicLeaders[]> {
    const md = await fetchMetadata(await this.any(), topics);
    const next = new Map(this.addresses);
    for (const b of md.brokers) {
      const had = next.get(b.nodeId);
      if (had && (had.host !== b.host || had.port !== b.port)) {
        for (const lane of this.lanes.values()) {
          lane.get(b.nodeId)?.close();
          lane.delete(b.nodeId);
        }
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

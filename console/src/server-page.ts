// The Server page: Eddy's version and the ksqlDB API version it answers as, what it runs on
// (the embedded log, or Kafka's brokers and the service id), since when, its instance, its
// queries and models (GET /info), and the hosts of its cluster (GET /clusterStatus).
import { el, num, tableOf } from './dom.js';

interface Info {
  KsqlServerInfo: { version: string; kafkaClusterId: string; ksqlServiceId: string; serverStatus: string };
  EddyServerInfo?: { version: string; startedAt: string; uptimeMs: number; log: string; instanceId: string; persistentQueries: number; models: number };
}

export async function showServer(root: HTMLElement): Promise<void> {
  try {
    const info = await (await fetch('/info')).json() as Info;
    const hosts = await (await fetch('/clusterStatus')).json() as { clusterStatus: Record<string, { hostAlive: boolean; lastStatusUpdateMs: number }> };
    const k = info.KsqlServerInfo;
    const e = info.EddyServerInfo;
    const rows: [string, string][] = [
      ['Eddy version', e?.version ?? '-'],
      ['ksqlDB REST API version', k.version],
      ['Runs on', e?.log ?? k.kafkaClusterId],
      ['Service id', k.ksqlServiceId],
      ['Status', k.serverStatus],
      ['Started', e ? `${new Date(e.startedAt).toLocaleString()} (up ${uptime(e.uptimeMs)})` : '-'],
      ['Instance id', e?.instanceId ?? '-'],
      ['Persistent queries', e ? num(e.persistentQueries) : '-'],
      ['Models', e ? num(e.models) : '-'],
    ];
    root.replaceChildren(
      el('h2', { textContent: 'Server' }), tableOf(['Property', 'Value'], rows, 'rows server-info'),
      el('h3', { textContent: 'Hosts' }),
      tableOf(['host', 'alive', 'last status'], Object.entries(hosts.clusterStatus).map(([h, s]) => [h, s.hostAlive ? 'yes' : 'no', new Date(s.lastStatusUpdateMs).toLocaleTimeString()])),
    );
  } catch (err) {
    root.replaceChildren(el('pre', { className: 'page-error', textContent: (err as Error).message }));
  }
}

function uptime(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

// The Server page: Eddy's version and the ksqlDB API version it answers as, what it runs on
// (the embedded log, or Kafka's brokers and the service id), since when, its instance, its
// queries and models (GET /info), and the instances of its service (GET /clusterStatus).
import { el, num, tableOf } from './dom.js';

interface Info {
  KsqlServerInfo: { version: string; kafkaClusterId: string; ksqlServiceId: string; serverStatus: string };
  EddyServerInfo?: { version: string; startedAt: string; log: string; instanceId: string; persistentQueries: number; models: number };
}

export async function showServer(root: HTMLElement): Promise<void> {
  try {
    const info = await (await fetch('/info')).json() as Info;
    const hosts = await (await fetch('/clusterStatus')).json() as {
      clusterStatus: Record<string, { hostAlive: boolean; lastStatusUpdateMs: number; eddy?: { instanceId: string; startedAt: string; self: boolean } }>;
    };
    const k = info.KsqlServerInfo;
    const e = info.EddyServerInfo;
    const rows: [string, string][] = [
      ['Eddy version', e?.version ?? '-'],
      ['ksqlDB REST API version', k.version],
      ['Runs on', e?.log ?? k.kafkaClusterId],
      ['Service id', k.ksqlServiceId],
      ['Status', k.serverStatus],
      ['Started', e ? `${new Date(e.startedAt).toLocaleString()} (up ${uptime(Date.now() - Date.parse(e.startedAt))})` : '-'],
      ['Instance id', e?.instanceId ?? '-'],
      ['Persistent queries', e ? num(e.persistentQueries) : '-'],
      ['Models', e ? num(e.models) : '-'],
    ];
    root.replaceChildren(
      el('h2', { textContent: 'Server' }), tableOf(['Property', 'Value'], rows, 'rows server-info'),
      el('h3', { textContent: 'Instances of the service' }),
      tableOf(['host', 'instance', 'alive', 'last heartbeat', 'started'], Object.entries(hosts.clusterStatus).map(([h, s]) => [
        h + (s.eddy?.self ? ' (this one)' : ''), s.eddy?.instanceId ?? '-', s.hostAlive ? 'yes' : 'no',
        new Date(s.lastStatusUpdateMs).toLocaleTimeString(), s.eddy ? new Date(s.eddy.startedAt).toLocaleString() : '-']), 'rows instances'),
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

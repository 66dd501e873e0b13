// The Queries page: the running queries with their state and rates (records in and out per
// second, from EXPLAIN's counters read every 2 s) and lag (end offset minus position, summed over
// the partitions read here); a query's page draws its plan as a graph of its steps (EXPLAIN's
// execution plan) and lists its lag per partition.
import { runStatement } from './rest-client.js';
import { el, num, tableOf } from './dom.js';

const REFRESH_MS = 2000;

interface Stats { recordsIn: number; recordsOut: number; at: number; partitions: { topic: string; partition: number; position: number; end: number }[] }
interface Description { id: string; statementText: string; executionPlan: string; state: string; sources: string[]; sinks: string[]; queryType: string; eddyStats?: Stats }
interface Listed { id: string; queryType: string; state: string; sinks: string[] }

async function explain(id: string): Promise<Description> {
  const [e] = await runStatement(`EXPLAIN ${id};`, {}) as { queryDescription: Description }[];
  return e.queryDescription;
}

const lagOf = (s: Stats | undefined): number => (s ? s.partitions.reduce((a, p) => a + Math.max(0, p.end - p.position), 0) : 0);

/** Records per second between two readings of the counters. */
function rate(now: Stats | undefined, before: Stats | undefined, key: 'recordsIn' | 'recordsOut'): number | null {
  if (!now || !before || now.at <= before.at) return null;
  return ((now[key] - before[key]) * 1000) / (now.at - before.at);
}

export class QueriesPage {
  private timer: number | undefined;
  private last = new Map<string, Stats>();

  constructor(private readonly root: HTMLElement) {}

  async leave(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  async show(id?: string): Promise<void> {
    await this.leave();
    this.last.clear();
    const draw = async (): Promise<void> => {
      try {
        if (id === undefined) await this.list(); else await this.query(id);
      } catch (e) {
        this.root.replaceChildren(el('pre', { className: 'page-error', textContent: (e as Error).message }));
      }
    };
    await draw();
    this.timer = window.setInterval(() => void draw(), REFRESH_MS);
  }

  private async list(): Promise<void> {
    const [q] = await runStatement('SHOW QUERIES;', {}) as { queries: Listed[] }[];
    const rows: unknown[][] = [];
    for (const l of q.queries) {
      const d = await explain(l.id).catch(() => undefined);
      const s = d?.eddyStats;
      const before = this.last.get(l.id);
      rows.push([l.id, l.queryType, d?.state ?? l.state, l.sinks.join(', '), num(s?.recordsIn), num(rate(s, before, 'recordsIn')),
        num(s?.recordsOut), num(rate(s, before, 'recordsOut')), num(lagOf(s))]);
      if (s) this.last.set(l.id, s);
    }
    const table = tableOf(['query', 'type', 'state', 'sink', 'records in', 'in/s', 'records out', 'out/s', 'lag'], rows);
    table.id = 'query-list';
    table.tBodies[0].querySelectorAll('tr').forEach((tr, i) => {
      const qid = String(rows[i][0]);
      tr.cells[0].replaceChildren(el('a', { href: `#queries/${encodeURIComponent(qid)}`, textContent: qid }));
    });
    this.root.replaceChildren(el('h2', { textContent: 'Queries' }), q.queries.length === 0 ? el('p', { textContent: 'No queries running.' }) : table);
  }

  private async query(id: string): Promise<void> {
    const d = await explain(id);
    const s = d.eddyStats;
    const before = this.last.get(id);
    if (s) this.last.set(id, s);
    const summary = `${d.state} · ${num(s?.recordsIn)} records in (${num(rate(s, before, 'recordsIn'))}/s) · ${num(s?.recordsOut)} out (${num(rate(s, before, 'recordsOut'))}/s) · lag ${num(lagOf(s))}`;
    this.root.replaceChildren(
      el('p', {}, el('a', { href: '#queries', textContent: '← Queries' })),
      el('h2', { textContent: `Query ${d.id}` }),
      el('p', { id: 'query-summary', className: 'summary', textContent: summary }),
      el('pre', { className: 'print', textContent: d.statementText }),
      el('h3', { textContent: 'Plan' }), planGraph(d.executionPlan),
      el('h3', { textContent: 'Partitions read here' }),
      tableOf(['topic', 'partition', 'position', 'end', 'lag'], (s?.partitions ?? []).map((p) => [p.topic, p.partition, num(p.position), num(p.end), num(Math.max(0, p.end - p.position))]), 'rows query-partitions'),
    );
  }
}

interface Step { kind: string; text: string; children: Step[] }

/**
 * EXPLAIN's plan ("> [ SINK ] ..." lines, two spaces deeper per input) as boxes: each step above
 * the steps it reads, joined by lines, so a join shows its two inputs side by side.
 */
export function planGraph(plan: string): HTMLElement {
  const roots: Step[] = [];
  const stack: { depth: number; step: Step }[] = [];
  for (const line of plan.split('\n')) {
    const m = /^(\s*)> \[ ([^\]]+) \] (.*)$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 2;
    const step: Step = { kind: m[2].trim(), text: m[3].replace(/ \| schema: .*$/, ''), children: [] };
    while (stack.length > 0 && stack[stack.length - 1].depth >= depth) stack.pop();
    if (stack.length === 0) roots.push(step); else stack[stack.length - 1].step.children.push(step);
    stack.push({ depth, step });
  }
  const draw = (s: Step): HTMLElement => el('div', { className: 'plan-node' },
    el('div', { className: `plan-step plan-${s.kind.toLowerCase().replace(/\s+/g, '-')}`, title: s.text }, el('b', { textContent: s.kind }), el('span', { textContent: s.text })),
    ...(s.children.length > 0 ? [el('div', { className: 'plan-inputs' }, ...s.children.map(draw))] : []));
  return el('div', { className: 'plan', id: 'plan-graph' }, ...roots.map(draw));
}

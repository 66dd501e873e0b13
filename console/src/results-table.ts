// A table of query rows that keeps the last `keep` rows and redraws at most a few times a
// second, however fast rows arrive (a push query at 10k rows/s must not freeze the page).

const REDRAW_MS = 250;

export class ResultsTable {
  private columns: string[] = [];
  private doubles: boolean[] = [];
  private rows: unknown[][] = [];
  private total = 0;
  private timer: number | undefined;

  constructor(private readonly el: HTMLElement, private readonly status: HTMLElement, private readonly keep = 500) {}

  reset(columns: string[], types: string[] = []): void {
    this.columns = columns;
    this.doubles = columns.map((_, i) => types[i] === 'DOUBLE');
    this.rows = [];
    this.total = 0;
    this.draw();
  }

  add(row: unknown[]): void {
    this.rows.push(row);
    this.total++;
    if (this.rows.length > this.keep * 2) this.rows = this.rows.slice(-this.keep); // amortized trim
    this.timer ??= window.setTimeout(() => { this.timer = undefined; this.draw(); }, REDRAW_MS);
  }

  /** Shows a message in place of rows (a statement's result). */
  message(text: string): void {
    this.show(Object.assign(document.createElement('pre'), { className: 'message', textContent: text }));
  }

  /** Shows a statement's result in place of rows. */
  show(...nodes: Node[]): void {
    this.columns = [];
    this.rows = [];
    this.el.replaceChildren(...nodes);
    this.status.textContent = '';
  }

  /** Draws now (also when the query ended). */
  draw(): void {
    if (this.timer !== undefined) { clearTimeout(this.timer); this.timer = undefined; }
    this.el.dataset.draws = String(Number(this.el.dataset.draws ?? 0) + 1); // for tests: draws stay few
    const shown = this.rows.slice(-this.keep);
    const table = document.createElement('table');
    table.className = 'rows';
    const head = table.createTHead().insertRow();
    for (const c of this.columns) head.appendChild(Object.assign(document.createElement('th'), { textContent: c }));
    const body = table.createTBody();
    for (let i = shown.length - 1; i >= 0; i--) { // newest first
      const tr = body.insertRow();
      shown[i].forEach((v, j) => { tr.insertCell().textContent = cellText(v, this.doubles[j]); });
    }
    this.el.replaceChildren(table);
    this.status.textContent = `${this.total.toLocaleString()} row${this.total === 1 ? '' : 's'}${this.total > shown.length ? ` (the last ${shown.length} shown)` : ''}`;
  }
}

/** A value as the CLI prints it: NULL, a DOUBLE with its decimal point (31.0), objects as JSON. */
function cellText(v: unknown, double: boolean): string {
  if (v === null || v === undefined) return 'NULL';
  if (double && typeof v === 'number' && Number.isInteger(v)) return v.toFixed(1);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

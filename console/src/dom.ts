// Small DOM helpers shared by the pages.

export const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** An element with text or children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/** A table of rows under a header (values as text; NULL for null). */
export function tableOf(columns: string[], rows: unknown[][], className = 'rows'): HTMLTableElement {
  const t = el('table', { className });
  const head = t.createTHead().insertRow();
  for (const c of columns) head.appendChild(el('th', { textContent: c }));
  const body = t.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const v of r) tr.insertCell().textContent = v === null || v === undefined ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return t;
}

/** A number for people: 4 significant digits, thousands grouped. */
export function num(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '-';
  return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(Number(v.toPrecision(4)));
}

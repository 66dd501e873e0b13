// The statements run from this browser, newest first, kept in localStorage.

const KEY = 'eddy.console.history';
const MAX = 50;

export function loadHistory(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

export function remember(text: string): string[] {
  const list = [text, ...loadHistory().filter((s) => s !== text)].slice(0, MAX);
  try { localStorage.setItem(KEY, JSON.stringify(list)); } catch { /* storage full or off: history is a convenience */ }
  return list;
}

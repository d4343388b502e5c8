/**
 * The summary view of `fix --dry-run --stat`: the edits fix would make, counted per file and
 * per rule, like `git diff --stat`.
 *
 *   seeds/000.txt |  3  split-paragraph 3
 *   seeds/001.txt | 12  split-paragraph 2, cjk-space 10
 *   2 files, 15 edits: split-paragraph 5 in 2 files, cjk-space 10 in 1 file
 */
import { RULES } from '../core/rules/index';
import { plural } from './common';

export interface FileEdits {
  /** The file as it is shown (displayPath). */
  file: string;
  /** The rule of each edit. */
  rules: string[];
}

export function statText(files: FileEdits[]): string {
  if (files.length === 0) return '';
  const width = Math.max(...files.map((f) => f.file.length));
  const countWidth = Math.max(...files.map((f) => String(f.rules.length).length));
  const total = new Map<string, { edits: number; files: number }>();
  const lines: string[] = [];
  for (const f of files) {
    const counts = countByRule(f.rules);
    for (const [rule, n] of counts) {
      const t = total.get(rule) ?? { edits: 0, files: 0 };
      total.set(rule, { edits: t.edits + n, files: t.files + 1 });
    }
    const perRule = inRegistryOrder(counts).map(([rule, n]) => `${rule} ${n}`);
    lines.push(`${f.file.padEnd(width)} | ${String(f.rules.length).padStart(countWidth)}  ${perRule.join(', ')}`);
  }
  const edits = files.reduce((n, f) => n + f.rules.length, 0);
  const perRule = inRegistryOrder(total).map(([rule, t]) => `${rule} ${t.edits} in ${plural(t.files, 'file')}`);
  lines.push(`${plural(files.length, 'file')}, ${plural(edits, 'edit')}: ${perRule.join(', ')}`);
  return lines.join('\n') + '\n';
}

function countByRule(rules: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rule of rules) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  return counts;
}

/** The entries in the order of the rule registry (ids it does not know last, by name). */
function inRegistryOrder<T>(counts: Map<string, T>): [string, T][] {
  const order = new Map(RULES.map((r, i) => [r.id, i]));
  const rank = (id: string) => order.get(id) ?? RULES.length;
  return [...counts].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

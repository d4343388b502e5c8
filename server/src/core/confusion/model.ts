/**
 * The character tables of `tables.ts`, decoded on first use: which right characters a seen
 * character may stand for (with the weight of their visual similarity), and which characters
 * belong to one script only.
 */
import { COMMON_CHARACTERS, CONFUSABLE, SIMPLIFIED, TRADITIONAL } from './tables';

export interface Alternative {
  char: string;
  /** Visual similarity (raised by confusions observed in real OCR), in (0, 1]. */
  weight: number;
}

export interface ConfusionTables {
  /** Seen character → the characters it may stand for, best first. */
  confusable: Map<string, Alternative[]>;
  /** A traditional form that simplified text does not use → its simplified form(s). */
  traditional: Map<string, string[]>;
  /** A simplified form that traditional text does not use → its traditional form(s). */
  simplified: Map<string, string[]>;
  /** The characters a finding may propose. */
  common: Set<string>;
}

let tables: ConfusionTables | null = null;

/** The shipped tables. */
export function confusionTables(): ConfusionTables {
  tables ??= decodeTables(CONFUSABLE, TRADITIONAL, SIMPLIFIED, COMMON_CHARACTERS);
  return tables;
}

/** Decodes tables in the format of `tables.ts` (the evaluation builds its own). */
export function decodeTables(confusable: string, traditional: string, simplified: string, common: string): ConfusionTables {
  const conf = new Map<string, Alternative[]>();
  for (const record of confusable.split('|')) {
    const chars = Array.from(record);
    if (chars.length < 4) continue;
    const list: Alternative[] = [];
    for (let i = 1; i + 2 < chars.length + 1; i += 3) {
      list.push({ char: chars[i], weight: Number(chars[i + 1] + chars[i + 2]) / 100 });
    }
    conf.set(chars[0], list);
  }
  const script = (s: string) => {
    const map = new Map<string, string[]>();
    for (const record of s.split('|')) {
      const chars = Array.from(record);
      if (chars.length >= 2) map.set(chars[0], chars.slice(1));
    }
    return map;
  };
  return { confusable: conf, traditional: script(traditional), simplified: script(simplified), common: new Set(Array.from(common)) };
}

/** How many right characters one seen character keeps at most, observed pairs included. */
const MAX_WITH_OBSERVED = 32;

const withObservedCache = new WeakMap<ConfusionTables, WeakMap<object, ConfusionTables>>();

/**
 * `tables` with the confusions an OCR engine was seen to make (`"<printed><right>": count`)
 * folded in: a pair among the look-alikes n times observed has its weight raised to
 * 1 − (1 − w)·e^(−n/2); a pair that is not among them enters when seen twice or more, as if its
 * similarity were 0.3 and raised the same way. Only common characters are proposed. Cached per
 * `observed` object.
 */
export function withObserved(tables: ConfusionTables, observed: Readonly<Record<string, number>>): ConfusionTables {
  let byObserved = withObservedCache.get(tables);
  if (!byObserved) withObservedCache.set(tables, (byObserved = new WeakMap()));
  const cached = byObserved.get(observed);
  if (cached) return cached;
  const pairs = new Map<string, Map<string, number>>();
  for (const [key, n] of Object.entries(observed)) {
    const [x, y] = Array.from(key);
    if (!x || !y || x === y || !(n > 0)) continue;
    let m = pairs.get(x);
    if (!m) pairs.set(x, (m = new Map()));
    m.set(y, (m.get(y) ?? 0) + n);
  }
  const confusable = new Map(tables.confusable);
  for (const [x, seen] of pairs) {
    const list = new Map((tables.confusable.get(x) ?? []).map((a) => [a.char, a.weight]));
    for (const [y, n] of seen) {
      if (!tables.common.has(y)) continue;
      const w = list.get(y);
      if (w !== undefined) list.set(y, 1 - (1 - w) * Math.exp(-n / 2));
      else if (n >= 2) list.set(y, 1 - 0.7 * Math.exp(-n / 2));
    }
    const sorted = [...list].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_WITH_OBSERVED);
    confusable.set(x, sorted.map(([char, weight]) => ({ char, weight })));
  }
  const merged = { ...tables, confusable };
  byObserved.set(observed, merged);
  return merged;
}

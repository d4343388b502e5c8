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
  const script = (s: string) => {
    const map = new Map<string, string[]>();
    for (const record of s.split('|')) {
      const chars = Array.from(record);
      if (chars.length >= 2) map.set(chars[0], chars.slice(1));
    }
    return map;
  };
  // The look-alikes are decoded into objects only when asked for (the detector reads the string).
  let decoded: Map<string, Alternative[]> | null = null;
  const result = {
    traditional: script(traditional),
    simplified: script(simplified),
    common: new Set(Array.from(common)),
    get confusable(): Map<string, Alternative[]> {
      if (!decoded) {
        decoded = new Map();
        forEachRecord(confusable, (x, list) => decoded!.set(x, list.map(([char, weight]) => ({ char, weight }))));
      }
      return decoded;
    },
  } as ConfusionTables;
  rawConfusable.set(result, confusable);
  return result;
}

/** The string each decoded table set came from. */
const rawConfusable = new WeakMap<ConfusionTables, string>();

/** Calls `f` with each seen character and its look-alikes (char, weight), best first, as stored in `raw`. */
function forEachRecord(raw: string, f: (x: string, list: [string, number][]) => void): void {
  for (const record of raw.split('|')) {
    const chars = Array.from(record);
    if (chars.length < 4) continue;
    const list: [string, number][] = [];
    for (let i = 1; i + 2 < chars.length + 1; i += 3) list.push([chars[i], Number(chars[i + 1] + chars[i + 2]) / 100]);
    f(chars[0], list);
  }
}

/**
 * Every seen character with its look-alikes (char, weight), best first: from the string the
 * tables were decoded from while nobody has asked for the decoded map, else from the map.
 */
export function forEachConfusable(tables: ConfusionTables, f: (x: string, list: readonly (readonly [string, number])[]) => void): void {
  const raw = rawConfusable.get(tables);
  if (raw !== undefined) forEachRecord(raw, f);
  else for (const [x, list] of tables.confusable) f(x, list.map((a) => [a.char, a.weight] as const));
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

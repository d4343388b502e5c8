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

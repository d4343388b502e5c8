/**
 * A seeded pseudo-random generator (mulberry32), so that the zoo is the same on every run.
 * Each document draws from a generator seeded by its own name: changing how one layout is
 * built does not reshuffle the others.
 */

/** 32-bit FNV-1a hash of a string, used to seed a generator from a name. */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function makeRandom(seed) {
  let state = (typeof seed === 'string' ? hashString(seed) : seed) >>> 0;
  /** A float in [0, 1). */
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return {
    next,
    /** An integer in [0, n). */
    int,
    /** An integer in [lo, hi] (both included). */
    range: (lo, hi) => lo + int(hi - lo + 1),
    /** True with probability p. */
    chance: (p) => next() < p,
    /** One element of a list (undefined for an empty list). */
    pick: (list) => list[int(list.length)],
    /** One key of { key: weight } by weight. */
    weighted(weights) {
      const entries = Object.entries(weights);
      let r = next() * entries.reduce((s, [, w]) => s + w, 0);
      for (const [key, w] of entries) {
        r -= w;
        if (r < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
    /** A shuffled copy. */
    shuffle(list) {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

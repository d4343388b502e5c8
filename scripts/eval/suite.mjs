/**
 * Running the zoo suites: building the zoo from a set of streams into a folder, running the
 * product on every document (read from disk as `corpus-lens` reads it, so that the GB18030 +
 * CRLF layout goes through the product's decoding), applying the join fixes, and summing the
 * counts of metrics.mjs per layout, per source and overall.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JOIN_RULES } from './product.mjs';
import { evaluateDocument, zeroCounts, addCounts } from './metrics.mjs';
import { buildZoo, headlineParts, makeStream, readZoo, writeZoo } from './zoo.mjs';
import { OWN_HEADLINES, rmrbHeadlines, seedArticles, sogouArticles, thucnewsArticles } from './sources.mjs';
import { makeRandom } from './random.mjs';

/** THUCNews bodies under 人民日报 headlines (a decade per document), Sogou bodies under their own titles. */
export function corpusStreams(corpora) {
  const byDecade = {};
  for (const h of rmrbHeadlines(corpora)) (byDecade[h.decade] ??= []).push(h);
  const decades = Object.keys(byDecade).sort();
  for (const d of decades) byDecade[d] = makeRandom(`rmrb:${d}`).shuffle(byDecade[d]);
  return [
    makeStream('thucnews', thucnewsArticles(corpora), (src, doc, slot) => {
      const decade = decades[doc % decades.length];
      const h = byDecade[decade][slot % byDecade[decade].length];
      return { parts: h.parts, key: h.id, source: `rmrb-${decade}`, date: h.date };
    }),
    makeStream('sogou', sogouArticles(corpora), (src) => ({ parts: [src.title], key: src.id, source: 'sogou' })),
  ];
}

/** The project's own text: seed bodies under headlines written for the tests. */
export function ownStreams(root) {
  return [
    makeStream('seeds', seedArticles(root), (src, doc, slot) => {
      const n = (doc * 8 + slot * 5) % OWN_HEADLINES.length;
      return { parts: headlineParts(OWN_HEADLINES[n]), key: `own:${n}`, source: 'own' };
    }),
  ];
}

/** Builds both variants of the zoo into `dir`. */
export function buildInto(dir, streams, docs) {
  fs.rmSync(dir, { recursive: true, force: true });
  const all = [...buildZoo(streams, { docs, variant: 'clean' }), ...buildZoo(streams, { docs, variant: 'injected' })];
  writeZoo(dir, all);
  return all.length;
}

export const temporaryDir = (name) => fs.mkdtempSync(path.join(os.tmpdir(), `corpus-lens-${name}-`));

/** Runs the product over every document of a zoo folder. */
export function evaluateZoo(dir, product, verdicts) {
  return readZoo(dir).map((doc) => {
    const run = product.runFile(doc.path);
    const fixed = product.fix(run.text, run.findings, JOIN_RULES);
    return { gold: doc.gold, ...evaluateDocument(doc.gold, run, fixed, verdicts) };
  });
}

/** Sums the groups of the results under `keyOf(result, group)` (null: left out). */
export function sum(results, keyOf) {
  const out = new Map();
  for (const r of results) {
    for (const g of r.groups) {
      const key = keyOf(r, g);
      if (key === null) continue;
      if (!out.has(key)) out.set(key, { counts: zeroCounts(), rules: {}, clean: {} });
      const into = out.get(key);
      addCounts(into.counts, g.counts);
      for (const [rule, c] of Object.entries(g.rules)) addCounts((into.rules[rule] ??= {}), c);
      for (const [rule, n] of Object.entries(g.clean)) into.clean[rule] = (into.clean[rule] ?? 0) + n;
    }
  }
  return out;
}

/** Everything the report shows, from the results of both variants. */
export function summarise(results) {
  const clean = results.filter((r) => r.gold.variant === 'clean');
  const injected = results.filter((r) => r.gold.variant === 'injected');
  const byLayout = (set) => sum(set, (r) => r.gold.layout);
  const all = (set) => sum(set, () => 'all').get('all');
  const docsPerLayout = new Map();
  for (const r of clean) docsPerLayout.set(r.gold.layout, (docsPerLayout.get(r.gold.layout) ?? 0) + 1);
  return {
    docs: { clean: clean.length, injected: injected.length, byLayout: docsPerLayout },
    structure: { byLayout: byLayout(clean), byBody: sum(clean, (r, g) => g.body), byTitles: sum(clean, (r, g) => g.titles ?? 'untitled'), all: all(clean) },
    rules: { byLayout: byLayout(injected), byBody: sum(injected, (r, g) => g.body), all: all(injected) },
    details: {
      clean: mergeDetails(clean),
      injected: mergeDetails(injected),
    },
  };
}

function mergeDetails(results) {
  const out = {};
  for (const r of results) for (const [k, list] of Object.entries(r.details)) (out[k] ??= []).push(...list);
  return out;
}

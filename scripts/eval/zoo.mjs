/**
 * Building the zoo: the same articles, dressed and laid out in every layout of layouts.mjs,
 * written with their gold. Deterministic: every document draws from a generator seeded by
 * its own name.
 *
 * A stream pairs bodies with headlines: THUCNews bodies under 人民日报 headlines (a decade
 * per document), Sogou bodies under their own titles, or (for the fixtures) seed bodies under
 * headlines written for the tests. Document d of every layout holds the same articles, so the
 * layouts differ only in how they are laid out.
 *
 * Two variants of each document: `clean` (the real text as it is, for the structure metrics
 * and the false-finding rate) and `injected` (the same plan with one artefact per article,
 * for each rule's precision and recall).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { DocBuilder } from './gold.mjs';
import { LAYOUTS, EXTRAS, Pager, paragraph, renderDocument } from './layouts.mjs';
import { byline, dateline, endCredit, exportHeader, furnitureStyle, randomDate, sourceLine } from './dress.mjs';
import { POINT, POINT_RULES, BREAK_RULES, cutPoint } from './inject.mjs';
import { makeRandom } from './random.mjs';
import { ROOT, decodeBytes } from './product.mjs';

const require = createRequire(import.meta.url);
const iconv = require(path.join(ROOT, 'node_modules', 'iconv-lite'));

/**
 * A stream: `bodies` (articles with paragraphs), and `headline(article, doc, slot)` giving
 * { parts, key, source, date } for an article.
 */
export function makeStream(id, bodies, headline) {
  return { id, bodies, headline };
}

/** Headline parts: a headline and its decks (two or more spaces apart, as in the 人民日报 index). */
export const headlineParts = (text) => text.split(/ {2,}/).map((p) => p.trim()).filter(Boolean);

function planArticle(src, head, layout, docStyle, rng) {
  const def = LAYOUTS[layout];
  const untitled = rng.chance(def.untitled ?? 0);
  const plan = {
    id: src.id,
    bodySource: src.source,
    titleSource: untitled ? null : head.source,
    clean: !src.damaged,
    headline: null,
    decks: [],
    byline: null,
    dateline: null,
    exportHeader: null,
    credit: null,
    sourceLine: null,
    body: src.paragraphs.map((text, i) => ({ text, key: `${src.id}:p${i}` })),
    artefacts: [],
    cuts: [],
    residue: [],
  };
  if (!untitled) {
    let parts = head.parts;
    if (parts.length > 1 && rng.chance(EXTRAS.twoPart) && parts.join(' ').length <= 36) parts = [parts.join(' ')];
    plan.headline = paragraph([{ text: parts[0], key: `${head.key}:h` }]);
    if (rng.chance(EXTRAS.deck)) plan.decks = parts.slice(1).map((d, k) => paragraph([{ text: d, key: `${head.key}:d${k}` }]));
  }
  const authors = [];
  if (!untitled && rng.chance(def.exportHeader ?? 0)) {
    plan.exportHeader = exportHeader(rng, plan.headline.text, head.date ?? isoDate(randomDate(rng)));
    authors.push(...plan.exportHeader.authors);
    plan.decks = [];
  } else {
    const where = def.byline === 'mix' ? rng.weighted({ none: 2, below: 2, above: 1 }) : def.byline;
    if (where !== 'none' && !untitled) {
      const b = byline(rng);
      plan.byline = { ...b, position: where, blankAfter: rng.chance(0.5), blankBefore: rng.chance(0.5) };
      authors.push(...b.authors);
    }
    if (untitled || rng.chance(def.dateline)) {
      plan.dateline = dateline(rng);
      authors.push(...plan.dateline.authors);
    }
  }
  if (rng.chance(EXTRAS.credit)) {
    const c = endCredit(rng);
    plan.credit = { ...c, glued: c.gluedOnly || (c.canGlue && rng.chance(0.5)) };
    authors.push(...c.authors);
  }
  if (rng.chance(EXTRAS.sourceLine)) plan.sourceLine = sourceLine(rng);
  // A text that names its own reporters (Sogou's （记者 X）) has authors the gold cannot know.
  plan.authors = src.ownCredit ? null : [...new Set(authors)];
  plan.mode = articleMode(layout, docStyle, rng);
  return plan;
}

const isoDate = ({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function articleMode(layout, docStyle, rng) {
  switch (LAYOUTS[layout].mode) {
    case 'wrap':
      return { kind: 'wrap', width: docStyle.width ?? rng.range(12, 40) };
    case 'wrap-or-line':
      return docStyle.width ? { kind: 'wrap', width: docStyle.width } : { kind: 'line' };
    case 'mixed':
      return rng.chance(0.5) ? { kind: 'line' } : { kind: 'wrap', width: rng.range(14, 40) };
    default:
      return { kind: 'line' };
  }
}

/** The body paragraphs with the dateline before the first and a glued credit after the last. */
function compose(plan) {
  const n = plan.body.length;
  plan.paragraphs = plan.body.map((b, i) => {
    const parts = [];
    if (i === 0 && plan.dateline) parts.push({ text: plan.dateline.text });
    parts.push({ text: b.text, key: b.key });
    if (i === n - 1 && plan.credit?.glued) parts.push({ text: plan.credit.text });
    return paragraph(parts);
  });
  const shift = plan.dateline ? plan.dateline.text.length : 0;
  for (const a of plan.artefacts) if (a.para === 0) (a.start += shift), (a.end += shift);
}

function docStyleFor(layout, rng) {
  const def = LAYOUTS[layout];
  const style = {
    blanks: def.blanks,
    blankBetweenParagraphs: def.blanks && rng.chance(0.5),
    blankBetweenArticles: rng.range(1, 2),
    indent: rng.weighted({ '': 6, '\u3000\u3000': 2, '    ': 1 }),
    width: null,
    encoding: def.encoding ?? 'utf-8',
    eol: def.eol ?? '\n',
  };
  if (def.mode === 'wrap') {
    // One width for the file, or a width per article.
    style.width = rng.chance(0.5) ? rng.range(12, 40) : null;
    style.indent = rng.weighted({ '': 3, '\u3000\u3000': 1 });
  }
  if (def.furniture) {
    const wrapped = rng.chance(0.5);
    style.width = wrapped ? rng.range(20, 40) : null;
    style.indent = wrapped ? '' : rng.weighted({ '': 2, '    ': 1 });
    const kind = wrapped ? rng.pick(['paddle-periodical', 'plain-periodical', 'newspaper']) : rng.pick(['baidu-periodical', 'newspaper', 'plain-periodical']);
    style.furniture = kind;
  }
  return style;
}

/** One point artefact of `rule` in the article, or its body lost (false when it does not suit the article). */
function injectInto(plan, rule, style, rng) {
  if (rule === 'empty-article') {
    if (!plan.headline || plan.exportHeader) return false;
    plan.body = [];
    plan.credit = null;
    plan.sourceLine = null;
    plan.dateline = null;
    return true;
  }
  if (POINT[rule]) {
    for (const i of rng.shuffle(plan.body.map((_, k) => k))) {
      const done = POINT[rule](plan.body[i].text, rng, { encoding: style.encoding });
      if (!done) continue;
      plan.body[i].text = done.text;
      plan.artefacts.push({ rule, para: i, start: done.start, end: done.end });
      return true;
    }
    return false;
  }
  throw new Error(`no injection for ${rule}`);
}

function placeBreak(plan, rule, style, rng) {
  for (const i of rng.shuffle(plan.paragraphs.map((_, k) => k))) {
    const keep = plan.artefacts.filter((a) => a.para === i).map((a) => [a.start, a.end]);
    const at = cutPoint(rule, plan.paragraphs[i], plan.mode, style.indent, keep, rng);
    if (at === null) continue;
    plan.cuts.push({ para: i, at, rule });
    if (rule === 'page-residue') {
      const pick = rng.pick(furnitureStyle(rng).pageBreak(rng.range(1, 40)).lines);
      plan.residue.push(pick);
    }
    return true;
  }
  return false;
}

/**
 * The zoo: for each layout and stream, `docs` documents of 5 to 8 articles; `variant` is
 * 'clean' or 'injected'.
 */
export function buildZoo(streams, { layouts = Object.keys(LAYOUTS), docs = 4, variant = 'clean' } = {}) {
  const out = [];
  for (const stream of streams) {
    const order = makeRandom(`order:${stream.id}`).shuffle(stream.bodies.map((_, i) => i));
    for (const layout of layouts) {
      for (let d = 0; d < docs; d++) {
        const name = `${layout}-${stream.id}-${d}`;
        const rng = makeRandom(name);
        const style = docStyleFor(layout, rng);
        const count = 5 + (d % 4);
        const plans = [];
        for (let j = 0; j < count; j++) {
          const slot = d * 8 + j;
          const src = stream.bodies[order[slot % order.length]];
          plans.push(planArticle(src, stream.headline(src, d, slot), layout, style, rng));
        }
        // Injections draw from a generator of their own, so the clean variant is the same plan.
        const irng = makeRandom(`${name}:inject`);
        const breaks = [];
        if (variant === 'injected') {
          const rules = [...POINT_RULES, ...(style.furniture ? [] : BREAK_RULES), 'empty-article'];
          let next = irng.int(rules.length);
          plans.forEach((plan, k) => {
            // At most one empty article per document, never the only one.
            for (let tries = 0; tries < rules.length; tries++) {
              const rule = rules[next++ % rules.length];
              if (rule === 'empty-article' && (k === 0 || plans.some((p) => p.body.length === 0))) continue;
              // A break artefact is placed once the paragraphs are composed (it needs their final text).
              if (BREAK_RULES.includes(rule)) breaks.push([plan, rule]);
              else if (!injectInto(plan, rule, style, irng)) continue;
              break;
            }
          });
        }
        for (const plan of plans) compose(plan);
        for (const [plan, rule] of breaks) placeBreak(plan, rule, style, irng);
        if (style.furniture) style.pager = new Pager(rng, style.furniture, style.width ? { linesPerPage: [14, 30] } : { linesPerPage: [16, 34], lineCells: 36 });
        const builder = new DocBuilder();
        renderDocument(builder, plans, style, rng);
        const file = `${variant === 'injected' ? 'inj-' : ''}${name}.txt`;
        const { texts, gold } = builder.finish({ file, layout, stream: stream.id, variant, encoding: style.encoding, eol: style.eol });
        out.push({ file, texts, gold });
      }
    }
  }
  return out;
}

/** Writes each document (in its encoding and line endings) and its gold. */
export function writeZoo(dir, docs) {
  fs.mkdirSync(dir, { recursive: true });
  for (const doc of docs) {
    const text = doc.texts.join(doc.gold.eol) + doc.gold.eol;
    const bytes = doc.gold.encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
    // The product must read back exactly the text the gold was written for.
    if (decodeBytes(bytes).text !== text) throw new Error(`${doc.file}: the text does not survive ${doc.gold.encoding}`);
    fs.writeFileSync(path.join(dir, doc.file), bytes);
    fs.writeFileSync(path.join(dir, doc.file.replace(/\.txt$/, '.gold.json')), JSON.stringify(doc.gold) + '\n');
  }
}

/** The documents of a zoo folder: [{ file, path, gold }]. */
export function readZoo(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => ({ file: f.replace(/\.gold\.json$/, '.txt'), path: path.join(dir, f.replace(/\.gold\.json$/, '.txt')), gold: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
}

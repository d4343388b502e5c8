/**
 * The figures of a run, their targets, the tables printed on the terminal, and
 * docs/ACCURACY.md. No corpus text goes into the document (it is committed): only counts.
 */
import { LAYOUTS } from './layouts.mjs';

/** The targets of the issue. */
export const TARGETS = {
  articleF1: 0.97,
  titles: 0.95,
  joinPrecision: 0.98,
  joinRecall: 0.95,
  furnitureRecall: 0.95,
  furnitureGlued: 0,
  rulePrecision: 0.97,
  ruleRecall: 0.95,
  cleanPer10k: 1,
  ocrBreakPrecision: 0.95,
  ocrBreakRecall: 0.9,
  ocrHeadlines: 0.9,
  ocrGlued: 0,
};

const ratio = (a, b) => (b === 0 ? null : a / b);

/** The figures of one set of counts (see metrics.mjs for what each count is). */
export function figures(entry, docs = null) {
  const c = entry.counts;
  const precision = ratio(c.matched, c.predicted);
  const recall = ratio(c.matched, c.gold);
  const f1 = precision === null || recall === null || precision + recall === 0 ? (c.gold ? 0 : null) : (2 * precision * recall) / (precision + recall);
  const falseClean = Object.values(entry.clean ?? {}).reduce((s, n) => s + n, 0);
  return {
    docs,
    articles: c.gold,
    predicted: c.predicted,
    f1,
    titles: ratio(c.titlesExact, c.titled),
    authors: ratio(c.authorsExact, c.withAuthors),
    decks: ratio(c.decksExact, c.withDecks),
    joinPrecision: ratio(c.midJoined, c.midJoined + c.wrongJoins),
    joinRecall: ratio(c.midJoined, c.mid),
    mid: c.mid,
    joinsMade: c.midJoined + c.wrongJoins + c.neutralJoined,
    wrongJoins: c.wrongJoins,
    furnitureRecall: ratio(c.furnitureFound, c.furniture),
    furniture: c.furniture,
    furnitureGlued: c.furnitureGlued,
    falsePageMarks: c.falsePageMarks,
    cleanPer10k: c.cleanChars ? (falseClean * 10000) / c.cleanChars : null,
    cleanChars: c.cleanChars,
  };
}

export function ruleFigures(r) {
  return { ...r, recall: ratio(r.found, r.labels), precision: ratio(r.correct, r.findings) };
}

// ---------------------------------------------------------------------------------------
// Formatting.

const num = (x, digits = 2) => (x === null || x === undefined ? '–' : x.toFixed(digits));
const pct = (x) => (x === null || x === undefined ? '–' : `${(100 * x).toFixed(1)}%`);
const frac = (a, b) => `${a}/${b}`;

/** A plain-text table. */
export function textTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function markdownTable(headers, rows) {
  return [`| ${headers.join(' | ')} |`, `|${headers.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const STRUCTURE_HEADERS = ['', 'docs', 'articles', 'article F1', 'titles', 'authors', 'decks', 'join P', 'join R', 'mid breaks', 'wrong joins', 'furniture R', 'glued', 'false/10k'];
const structureRow = (name, f) => [
  name,
  f.docs ?? '–',
  f.articles,
  num(f.f1),
  pct(f.titles),
  pct(f.authors),
  pct(f.decks),
  num(f.joinPrecision),
  num(f.joinRecall),
  f.mid,
  f.wrongJoins,
  f.furniture ? pct(f.furnitureRecall) : '–',
  f.furniture ? f.furnitureGlued : '–',
  num(f.cleanPer10k),
];
const TARGET_ROW = ['target', '', '', `≥ ${TARGETS.articleF1}`, `≥ ${TARGETS.titles * 100}%`, '', '', `≥ ${TARGETS.joinPrecision}`, `≥ ${TARGETS.joinRecall}`, '', '', `≥ ${TARGETS.furnitureRecall * 100}%`, '0', `≤ ${TARGETS.cleanPer10k}`];

const RULE_HEADERS = ['rule', 'labels', 'found', 'recall', 'findings', 'correct', 'precision', 'false', 'unjudged', 'clean false/10k'];

/** The rows of every table, from a summary (suite.mjs). */
export function tables(summary) {
  const { structure, rules } = summary;
  const layoutRows = [...structure.byLayout.entries()].sort().map(([k, v]) => structureRow(`${k} ${LAYOUTS[k]?.title ?? ''}`.trim(), figures(v, summary.docs.byLayout.get(k))));
  layoutRows.push(structureRow('all', figures(structure.all, summary.docs.clean)));
  const sourceRows = [
    ...[...structure.byBody.entries()].sort().map(([k, v]) => structureRow(`bodies: ${k}`, figures(v))),
    ...[...structure.byTitles.entries()].sort().map(([k, v]) => structureRow(k === 'untitled' ? 'items without a headline' : `headlines: ${k}`, figures(v))),
  ];
  const cleanByRule = structure.all.clean;
  const cleanChars = structure.all.counts.cleanChars;
  const ruleRows = Object.entries(rules.all.rules)
    .sort()
    .map(([rule, r]) => {
      const f = ruleFigures(r);
      return [rule, f.labels, f.found, pct(f.recall), f.findings, f.correct, pct(f.precision), f.false, f.unjudged, num(((cleanByRule[rule] ?? 0) * 10000) / cleanChars)];
    });
  const all = Object.values(rules.all.rules).reduce((t, r) => ({ labels: t.labels + r.labels, found: t.found + r.found, findings: t.findings + r.findings, correct: t.correct + r.correct, false: t.false + r.false, unjudged: t.unjudged + r.unjudged }), { labels: 0, found: 0, findings: 0, correct: 0, false: 0, unjudged: 0 });
  const cleanAll = Object.values(cleanByRule).reduce((s, n) => s + n, 0);
  ruleRows.push(['all', all.labels, all.found, pct(ratio(all.found, all.labels)), all.findings, all.correct, pct(ratio(all.correct, all.findings)), all.false, all.unjudged, num((cleanAll * 10000) / cleanChars)]);
  ruleRows.push(['target', '', '', `≥ ${TARGETS.ruleRecall * 100}%`, '', '', `≥ ${TARGETS.rulePrecision * 100}%`, '', '', `≤ ${TARGETS.cleanPer10k}`]);
  const sumRules = (entry) => Object.values(entry.rules).reduce((t, r) => ({ labels: t.labels + r.labels, found: t.found + r.found, findings: t.findings + r.findings, correct: t.correct + r.correct }), { labels: 0, found: 0, findings: 0, correct: 0 });
  const ruleSummaryRow = (name, entry) => {
    const r = sumRules(entry);
    return [name, r.labels, r.found, pct(ratio(r.found, r.labels)), r.findings, r.correct, pct(ratio(r.correct, r.findings))];
  };
  const ruleLayoutRows = [
    ...[...rules.byLayout.entries()].sort().map(([k, v]) => ruleSummaryRow(k, v)),
    ...[...(rules.byBody ?? new Map()).entries()].sort().map(([k, v]) => ruleSummaryRow(`bodies: ${k}`, v)),
  ];
  return { layoutRows, sourceRows, ruleRows, ruleLayoutRows };
}

const RULE_SUMMARY_HEADERS = ['all rules', 'labels', 'found', 'recall', 'findings', 'correct', 'precision'];

const OCR_HEADERS = ['file', 'lines', 'mid breaks', 'joined', 'break P', 'break R', 'wrong joins', 'headlines', 'false titles', 'furniture R', 'glued'];
function ocrRows(ocr) {
  if (!ocr?.labelled) return [];
  const r = ocr.labelled;
  return [
    [`${r.file} ${r.labelled[0]}–${r.labelled[1]}`, r.lines, r.mid, r.midJoined, num(ratio(r.midJoined, r.midJoined + r.wrongJoins)), num(ratio(r.midJoined, r.mid)), r.wrongJoins, frac(r.headlinesFound, r.headlines), r.extraArticles, pct(ratio(r.furnitureFound, r.furniture)), r.furnitureGlued],
    ['target', '', '', '', `≥ ${TARGETS.ocrBreakPrecision}`, `≥ ${TARGETS.ocrBreakRecall}`, '', `≥ ${TARGETS.ocrHeadlines * 100}%`, '', '', '0'],
  ];
}
const SHAPE_HEADERS = ['file', 'lines', 'page markers', 'recognised', 'running heads', 'recognised', 'glued by fixes', 'breaks joined'];
const shapeRows = (ocr) => (ocr?.shapes ?? []).map((s) => [s.file, s.lines, s.markers, frac(s.markersFound, s.markers), s.heads, frac(s.headsFound, s.heads), s.glued, s.joins]);

/** What the terminal shows. */
export function printTables(summary, ocr) {
  const t = tables(summary);
  const out = [];
  out.push(`Zoo: ${summary.docs.clean} documents (and ${summary.docs.injected} with injected artefacts), ${summary.structure.all.counts.gold} articles.\n`);
  out.push('Structure by layout (documents as built, no injections)\n' + textTable(STRUCTURE_HEADERS, [...t.layoutRows, TARGET_ROW]));
  out.push('By source\n' + textTable(STRUCTURE_HEADERS, t.sourceRows));
  out.push('Rules on injected artefacts (hints excluded); clean false/10k from the documents without injections\n' + textTable(RULE_HEADERS, t.ruleRows));
  out.push('Rules per layout and per source\n' + textTable(RULE_SUMMARY_HEADERS, t.ruleLayoutRows));
  if (ocr?.labelled) {
    out.push('Real OCR, hand-labelled\n' + textTable(OCR_HEADERS, ocrRows(ocr)));
    for (const p of ocr.labelled.problems) out.push(`  note: ${p}`);
  }
  if (ocr?.shapes?.length) out.push('Real OCR, unlabelled (furniture by shape)\n' + textTable(SHAPE_HEADERS, shapeRows(ocr)));
  return out.join('\n\n');
}

/** The gaps to the targets, one line each. */
export function gaps(summary, ocr) {
  const out = [];
  const check = (what, value, target, higherIsBetter = true, digits = 3) => {
    if (value === null || value === undefined) return;
    if (higherIsBetter ? value >= target : value <= target) return;
    out.push(`${what}: ${value.toFixed(digits)} (target ${higherIsBetter ? '≥' : '≤'} ${target}; gap ${Math.abs(value - target).toFixed(digits)})`);
  };
  for (const [layout, v] of [...summary.structure.byLayout.entries()].sort()) {
    const f = figures(v);
    check(`${layout} article F1`, f.f1, TARGETS.articleF1);
    check(`${layout} exact titles`, f.titles, TARGETS.titles);
    if (f.joinsMade || f.mid) check(`${layout} join precision`, f.joinPrecision ?? 0, TARGETS.joinPrecision);
    check(`${layout} join recall`, f.joinRecall, TARGETS.joinRecall);
    if (f.furniture) check(`${layout} furniture recall`, f.furnitureRecall, TARGETS.furnitureRecall);
    if (f.furniture) check(`${layout} furniture lines glued into prose`, f.furnitureGlued, TARGETS.furnitureGlued, false, 0);
    check(`${layout} false findings per 10,000 characters of clean text`, f.cleanPer10k, TARGETS.cleanPer10k, false, 2);
  }
  check('false findings per 10,000 characters of clean text, all layouts', figures(summary.structure.all).cleanPer10k, TARGETS.cleanPer10k, false, 2);
  for (const [rule, r] of Object.entries(summary.rules.all.rules).sort()) {
    const f = ruleFigures(r);
    check(`${rule} recall`, f.recall, TARGETS.ruleRecall);
    check(`${rule} precision`, f.precision, TARGETS.rulePrecision);
  }
  if (ocr?.labelled) {
    const r = ocr.labelled;
    check('real OCR break precision', ratio(r.midJoined, r.midJoined + r.wrongJoins) ?? 0, TARGETS.ocrBreakPrecision);
    check('real OCR break recall', ratio(r.midJoined, r.mid), TARGETS.ocrBreakRecall);
    check('real OCR headlines found', ratio(r.headlinesFound, r.headlines), TARGETS.ocrHeadlines);
    check('real OCR furniture lines glued by safe fixes', r.furnitureGlued, TARGETS.ocrGlued, false, 0);
  }
  return out;
}

/** Wrong joins and missed articles by kind, for the document (counts only, no text). */
export function breakdowns(summary) {
  const count = (list, keyOf) => {
    const m = new Map();
    for (const x of list) m.set(keyOf(x), (m.get(keyOf(x)) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  };
  const d = summary.details.clean;
  return {
    wrongJoins: count(d.wrongJoins, (s) => s.split(' ')[1] + ' ' + s.split(' ')[2]),
  };
}

export function accuracyMarkdown(summary, ocr, meta) {
  const t = tables(summary);
  const g = gaps(summary, ocr);
  const b = breakdowns(summary);
  const md = [];
  md.push(`# How accurate Corpus Lens is

Measured by \`npm run eval\` (\`node scripts/eval/index.mjs --corpora ../shared/corpora --write-docs\`), which
rewrites this file. The figures below are those of the code at commit \`${meta.commit}\`; every number is
recomputed on each run, nothing here is typed by hand. The corpora are third-party text (research
licences) read from the folder given on the command line and never copied into the repository, so this
file holds counts only.

What is measured, in short: documents are **built** from real text — THUCNews bodies under 人民日报
headlines of five decades, Sogou news bodies under their own titles — in nine layouts (the *layout zoo*),
and the gold is recorded as each line is written, so it cannot disagree with the text. The product is
run on each document exactly as \`corpus-lens\` would run (read from disk, decoded by the product, outline
JSON, lint findings, safe fixes), and compared with the gold. Real OCR of the 《红旗》 magazine is
measured against hand labels and, for the other files, against furniture recognised by its shape.
Only the stable interfaces are used: the product's reading and decoding of a file, the outline JSON,
the lint findings and \`applyFixes\`.`);

  md.push(`## Targets and where the code stands

${g.length === 0 ? 'Every target is met.' : `${g.length} targets are not met:\n\n${g.map((x) => `- ${x}`).join('\n')}`}`);

  md.push(`## Structure, per layout

${summary.docs.clean} documents, ${summary.structure.all.counts.gold} articles; each layout holds the same articles, so the layouts differ
only in how they are laid out.

${markdownTable(STRUCTURE_HEADERS, [...t.layoutRows, TARGET_ROW])}

- **article F1**: a predicted article matches a gold one when its title range starts on the gold
  headline's first line (an item without a headline: when its range starts on the gold start line);
  precision over the predicted articles, recall over the gold ones.
- **titles**: gold articles with a headline whose matched predicted title equals the gold title
  (the headline as one line, without its line breaks; an export header's title without \`### \`).
- **authors**: gold articles with known authors (from a byline, a dateline's reporters, a reporter
  credit at the end, an export header's author line) whose predicted \`authors\` are the same set.
  Articles whose own text names reporters the gold cannot know of are left out.
- **decks** (no target): the predicted deck equals the gold decks joined by \` / \`.
- **joins**: the safe fixes of broken-line, split-paragraph and page-residue are applied pass after
  pass (as \`corpus-lens fix\` does); a break is joined when the end of the line before it and the start
  of the line after it end up on one line. The sites are every pair of consecutive non-blank lines, and
  every pair of text lines with furniture between them (where the join must go around the furniture).
  Gold *mid* breaks (inside a sentence of a paragraph) should be joined; breaks at a sentence end
  inside a paragraph, and inside a wrapped headline, are neutral; every other break — headline → body,
  byline → body, body → next article, body → credit, into or out of furniture, between paragraphs —
  must not be. **join P** = joined mid / all non-neutral joins; **join R** = joined mid / mid breaks
  (– where a layout has none). A sentence end is 。！？!?… (with closing quotes); ； and ： are not.
- **furniture R**: furniture and OCR page-marker lines that the outline lists as page marks or that a
  page-residue finding covers. **glued**: furniture lines whose text, after the safe fixes, shares a
  line with other text (should be 0).
- **false/10k**: findings (hints excluded) on documents without injected artefacts whose text is
  clean (THUCNews, and Sogou bodies without encoding damage) that are neither explained by the layout
  (broken-line or split-paragraph on a gold mid break, page-residue on a furniture line) nor judged
  genuine in the review, per 10,000 characters of those articles.`);

  md.push(`## Structure, per source

${markdownTable(STRUCTURE_HEADERS, t.sourceRows)}`);

  if (b.wrongJoins.length) {
    md.push(`### Wrong joins by the lines they join (all layouts)

${markdownTable(['from → to (gold break)', 'joins'], b.wrongJoins.slice(0, 15).map(([k, n]) => [k, n]))}`);
  }

  md.push(`## Rules

Each zoo document also exists with one injected artefact per article (the kinds OCR of Chinese print
produces: spaces inside Chinese or dates, ASCII marks, full-width digits, stray Latin, doubled words,
a lost closing quote, encoding damage, a misnumbered or truncated slogan, a line break, blank line or
furniture line inside a sentence, an article that lost its body). A finding (hints excluded) matches a
label when the rule is the same and the spans overlap or touch. **recall** = labels found / labels;
**precision** = correct findings / findings, where a finding is correct when it matches a label, is
explained by the layout's gold, or lies on real text and was judged genuine in the review
(\`scripts/eval/data/zoo-review.json\`; unjudged findings count as false). **clean false/10k**: as above,
per rule.

${markdownTable(RULE_HEADERS, t.ruleRows)}

All rules together, per layout and per body source:

${markdownTable(RULE_SUMMARY_HEADERS, t.ruleLayoutRows)}`);

  if (ocr?.labelled) {
    const r = ocr.labelled;
    md.push(`## Real OCR: 《红旗》 1974 No. 1, PaddleOCR, hand-labelled

Lines ${r.labelled[0]}–${r.labelled[1]} of \`${r.file}\` (${r.lines} labelled lines checked against the file's hashes${r.problems.length ? `; ${r.problems.join('; ')}` : ''}). The product runs on the whole file;
only labelled lines are scored. Sites and joins as in the zoo: gold *mid* breaks should be joined,
*sentence* and *unclear* are neutral, the rest must not be joined. **headlines**: lines that start an
article on which a predicted title starts. **furniture R**: furniture and page-marker lines found as
page marks or page-residue. **glued**: furniture lines joined to other text by the safe fixes.

${markdownTable(OCR_HEADERS, ocrRows(ocr))}`);
  }
  if (ocr?.shapes?.length) {
    md.push(`## Real OCR, unlabelled: furniture by its shape

The other 《红旗》 files (PaddleOCR: hard-wrapped lines, running heads on their own lines, \`=====第N页=====\`;
Baidu OCR: a paragraph per line, \`==========第N页==========\`). Lines are picked out by shape with the
annotator's patterns in \`scripts/eval/hongqi.mjs\` (OCR page markers; running heads such as
\`1966年第1期\`, \`(总17)·15\`, \`·6·(总8）\`, \`红旗杂志\` alone on a line): how many the product recognises
(page marks or page-residue), and how many the safe fixes glue into other text (should be 0).
**breaks joined**: line breaks the safe fixes remove in the whole file.

${markdownTable(SHAPE_HEADERS, shapeRows(ocr))}`);
  }

  md.push(`## How the zoo is built

- **Text.** THUCNews (\`thucnews-dev.tsv\`): bodies only — the headline is glued to the body there, so
  the first sentence is dropped and the rest re-cut into paragraphs at sentence ends (never inside an
  open quote or bracket). Sogou (\`sogou-news-gb18030.dat\`, decoded from GB18030 by the product): each
  \`<contenttitle>\` over its own \`<content>\`; about half the bodies carry real encoding damage, which
  stays in (its mojibake is genuine; those articles are left out of the clean-text rate only). 人民日报
  indexes (\`rmrb/*/*.md\`, date prefix stripped): a headline and its decks (two or more spaces apart)
  over THUCNews bodies, a decade per document. Nothing is left out because of what the rules say.
- **Dressing**, generated from lists in \`scripts/eval/dress.mjs\` (not from the seeds): bylines
  (\`刘宛康\`, \`本报记者 张三 李四\`, \`文/图 王五\`, \`记者 X\`, several names), datelines (\`本报讯（记者 X Y）\`,
  \`新华社北京3月5日电（记者 X）\`, \`【本市讯】\`), credits (\`（来源：…）\`, \`本报综合\`, \`（完）\`, \`（编辑：X）\`,
  \`（X Y）\`) on their own line or glued to the last paragraph, source lines, decks, two-part headlines,
  database export headers (\`### title\` / author / date), and page furniture: running heads
  (periodical names, issue lines such as \`2020年第5期\`), page numbers (\`·58·\`, \`（总974）·58·\`, \`- 12 -\`,
  \`第3版\`), OCR page markers (\`=====第7页=====\`, \`==========第7页==========\`), page dates with 星期,
  staff lines (\`责任编辑：X\`). Deterministic: each document draws from a generator seeded by its name.
- **Layouts** (\`scripts/eval/layouts.mjs\`): ${Object.entries(LAYOUTS).map(([k, v]) => `${k} ${v.title}`).join('; ')}.
- **Review** of findings on real text: \`node scripts/eval/index.mjs --write-review\` adds the findings
  nobody has judged to \`scripts/eval/data/zoo-review.json\` and lists them with their excerpts; verdicts
  are keyed by rule and a hash of the excerpt, so no corpus text is stored.
- **Regression floors** on text the project owns: \`test/fixtures/zoo/\` (seed bodies under headlines
  written for the tests, every layout), checked by \`test/unit/zoo.test.ts\`.`);
  return md.join('\n\n') + '\n';
}

/**
 * Real OCR: the 《红旗》 files of ../shared/corpora/hongqi-ocr/.
 *
 * 1. The hand-labelled file (scripts/eval/data/<file>.labels.json: every line of the
 *    labelled range with its kind, and for body, section, footnote and headline lines what
 *    the break after it is — `mid`, `sentence`, `paragraph` or `unclear` — referring to the
 *    next text line of the same flow, skipping furniture and page markers). The labels are
 *    checked against the file: the whole file's SHA-256, and each line's hash (first 16 hex
 *    of the SHA-256 of the line without its break); a line whose hash differs is not scored,
 *    and the report says how many. The product runs on the whole file (read as `corpus-lens`
 *    reads it); only labelled lines are scored:
 *    - breaks: sites as in the zoo (consecutive non-blank lines, and flow pairs with furniture
 *      between them); gold `mid` should be joined by the safe fixes (broken-line,
 *      split-paragraph, page-residue, applied pass after pass), `sentence` and `unclear` are
 *      neutral, every other site (a paragraph end, a headline, byline or deck, furniture)
 *      must not be joined. A line without an `end` continues into a next line of the same
 *      kind (a deck or byline over two lines: neutral) or into another element (never join);
 *    - headlines: lines marked `articleStart` on which a predicted article title starts (and
 *      predicted titles on labelled lines that are no headline at all);
 *    - furniture recall: furniture and page-marker lines found as page marks or page-residue;
 *    - furniture glued into prose by the safe fixes (must be 0).
 * 2. Every other file, without labels: what can be measured by shape. The annotator's
 *    patterns below (kept here, never in the product) pick out the OCR page markers
 *    (`=====第N页=====`, `==========第N页==========`) and the obvious running heads
 *    (`1966年第1期`, `(总17)·15`, `·6·(总8）`, `红旗杂志`); the report gives how many the product
 *    recognises and how many the safe fixes glue into other text.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JOIN_RULES } from './product.mjs';
import { lineTable, mapThrough } from './metrics.mjs';

const sha256 = (s) => createHash('sha256').update(s).digest('hex');

/** Shapes of furniture, as the annotator of this gold reads them. */
export const SHAPES = {
  'page-marker': /^\s*={3,}\s*第\s*\d+\s*页\s*={3,}\s*$/,
  issue: /^\s*(?:19|20)\d\d\s*年\s*第\s*\d+\s*期\s*$/,
  'page-number': /^\s*[·.:：•]?\s*(?:\d{1,3}\s*[·.•]\s*)?[(（]\s*总\s*\d+\s*[)）]\s*(?:[·.•:：]?\s*\d{1,3}\s*[·.•]?)?\s*$/,
  title: /^\s*[红紅][旗]\s*[杂雜]\s*志\s*$/,
};

export function shapeOf(line) {
  for (const [what, re] of Object.entries(SHAPES)) if (re.test(line)) return what;
  return null;
}

/** Is line i joined to line j after the fixes? (Not when either was deleted: only the lines around it can be.) */
function joiner(table, fixed) {
  const endOf = (i) => mapThrough(table.ends[i], fixed.passes);
  const startOf = (i) => mapThrough(table.starts[i], fixed.passes);
  const deleted = (i) => table.ends[i] > table.starts[i] && startOf(i) === endOf(i);
  return (a, b) => !deleted(a) && !deleted(b) && !fixed.text.slice(endOf(a), startOf(b)).includes('\n');
}

/** Is furniture line i glued to other text after the fixes? (false when a fix removed it) */
function gluer(text, table, fixed) {
  return (i) => {
    const own = text.slice(table.starts[i], table.ends[i]).trim();
    const s = mapThrough(table.starts[i], fixed.passes);
    const e = mapThrough(table.ends[i], fixed.passes);
    if (own === '' || fixed.text.slice(s, e).trim() !== own) return null;
    const from = fixed.text.lastIndexOf('\n', s - 1) + 1;
    let to = fixed.text.indexOf('\n', e);
    if (to < 0) to = fixed.text.length;
    const line = fixed.text.slice(from, to);
    if (line.trim() === own) return null;
    // The furniture with some of the text now next to it.
    return line.slice(Math.max(0, s - from - 15), s - from + own.length + 15);
  };
}

const FLOW = { 'page-marker': null, furniture: null, blank: null, footnote: 'footnote' };
const flowOf = (kind) => (kind in FLOW ? FLOW[kind] : 'main');

/** Evaluates the hand-labelled file. */
export function evaluateLabelled(product, corpora, labelsFile) {
  const labels = JSON.parse(fs.readFileSync(labelsFile, 'utf8'));
  const candidates = [path.join(corpora, labels.corpus ?? '', path.basename(labels.file)), path.join(corpora, 'hongqi-ocr', path.basename(labels.file)), path.join(corpora, labels.file)];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) throw new Error(`${labels.file}: not found under ${corpora}`);
  const raw = fs.readFileSync(file);
  const problems = [];
  if (labels.sha256 && sha256(raw) !== labels.sha256) problems.push(`the file's SHA-256 differs from the labels' (${labels.sha256.slice(0, 12)}…): the file changed since it was labelled`);

  const run = product.runFile(file);
  const fixed = product.fix(run.text, run.findings, JOIN_RULES);
  const text = run.text;
  const table = lineTable(text);
  const lineText = (i) => text.slice(table.starts[i], table.ends[i]);

  // Labelled lines (0-based) whose hash matches the file.
  const gold = new Map();
  let refused = 0;
  for (const l of labels.lines) {
    const i = l.line - 1;
    if (i < 0 || i >= table.starts.length || (l.hash && sha256(lineText(i)).slice(0, 16) !== l.hash)) {
      refused++;
      continue;
    }
    gold.set(i, l);
  }
  if (refused) problems.push(`${refused} labelled line(s) do not match the file (hash differs): not scored`);

  const from = (labels.labelled?.from ?? 1) - 1;
  const to = (labels.labelled?.to ?? labels.lines.length) - 1;
  const kindOf = (i) => gold.get(i)?.kind ?? (lineText(i).trim() === '' ? 'blank' : null);
  const nextFlow = (i) => {
    const own = gold.get(i);
    if (own?.next) return own.next - 1;
    const flow = flowOf(own.kind);
    for (let j = i + 1; j <= to; j++) {
      const k = kindOf(j);
      if (k === null) return null;
      if (flowOf(k) === flow) return j;
    }
    return null;
  };
  const labelOf = (a, b) => {
    const la = gold.get(a);
    const lb = gold.get(b);
    if (!la || !lb || flowOf(la.kind) === null || flowOf(lb.kind) === null) return 'element';
    if (nextFlow(a) !== b) return 'element';
    if (la.end) return la.end;
    return la.kind === lb.kind ? 'unclear' : 'element';
  };

  const joined = joiner(table, fixed);
  const glued = gluer(text, table, fixed);
  const result = { file: path.basename(file), labelled: [from + 1, to + 1], problems, lines: gold.size, mid: 0, midJoined: 0, wrongJoins: 0, neutralJoined: 0, headlines: 0, headlinesFound: 0, furniture: 0, furnitureFound: 0, furnitureGlued: 0, extraArticles: 0, details: { missed: [], wrong: [], glued: [], headlines: [], furniture: [] } };

  const nonBlank = [];
  for (let i = from; i <= to; i++) if (kindOf(i) !== 'blank' && gold.has(i)) nonBlank.push(i);
  const sites = [];
  for (let k = 0; k + 1 < nonBlank.length; k++) sites.push([nonBlank[k], nonBlank[k + 1]]);
  for (const a of nonBlank) {
    if (flowOf(gold.get(a).kind) === null) continue;
    const b = nextFlow(a);
    if (b !== null && nonBlank.some((x) => x > a && x < b)) sites.push([a, b]);
  }
  for (const [a, b] of sites) {
    const label = labelOf(a, b);
    const isJoined = joined(a, b);
    const where = `${a + 1}→${b + 1} “${lineText(a).slice(-8)}|${lineText(b).slice(0, 8)}”`;
    if (label === 'mid') {
      result.mid++;
      if (isJoined) result.midJoined++;
      else result.details.missed.push(where);
    } else if (isJoined) {
      if (label === 'sentence' || label === 'unclear') result.neutralJoined++;
      else {
        result.wrongJoins++;
        result.details.wrong.push(`${where} (${gold.get(a)?.kind}→${gold.get(b)?.kind}, ${label})`);
      }
    }
  }

  const titleLines = new Set(run.outline.articles.filter((a) => a.titleRange).map((a) => a.titleRange.start.line));
  const markLines = new Set(run.outline.pageMarks.map((m) => m.range.start.line));
  const residue = run.findings.filter((f) => f.rule === 'page-residue');
  for (const [i, l] of gold) {
    if (i < from || i > to) continue;
    if (l.articleStart) {
      result.headlines++;
      if (titleLines.has(i)) result.headlinesFound++;
      else result.details.headlines.push(`${i + 1} “${lineText(i)}”`);
    }
    if (titleLines.has(i) && !l.articleStart && l.kind !== 'headline') result.extraArticles++;
    if (l.kind === 'furniture' || l.kind === 'page-marker') {
      result.furniture++;
      const span = { start: table.starts[i], end: table.ends[i] };
      if (markLines.has(i) || residue.some((f) => f.span.start <= span.end && span.start <= f.span.end)) result.furnitureFound++;
      else result.details.furniture.push(`${i + 1} “${lineText(i)}”`);
      const g = glued(i);
      if (g) {
        result.furnitureGlued++;
        result.details.glued.push(`${i + 1} “${lineText(i).trim()}” glued: “${g.slice(0, 50)}”`);
      }
    }
  }
  return result;
}

/** The unlabelled files: page markers and running heads by shape, recognised and glued. */
export function evaluateByShape(product, file) {
  const run = product.runFile(file);
  const fixed = product.fix(run.text, run.findings, JOIN_RULES);
  const table = lineTable(run.text);
  const glued = gluer(run.text, table, fixed);
  const markLines = new Set(run.outline.pageMarks.map((m) => m.range.start.line));
  const residue = run.findings.filter((f) => f.rule === 'page-residue');
  const out = { file: path.basename(file), lines: table.starts.length, markers: 0, markersFound: 0, heads: 0, headsFound: 0, glued: 0, joins: 0, details: { glued: [], missed: [] } };
  // Line breaks the fixes removed.
  const breaks = (t) => t.split('\n').length - 1;
  out.joins = breaks(run.text) - breaks(fixed.text);
  for (let i = 0; i < table.starts.length; i++) {
    const line = run.text.slice(table.starts[i], table.ends[i]);
    const shape = shapeOf(line);
    if (!shape) continue;
    const span = { start: table.starts[i], end: table.ends[i] };
    const found = markLines.has(i) || residue.some((f) => f.span.start <= span.end && span.start <= f.span.end);
    if (shape === 'page-marker') {
      out.markers++;
      if (found) out.markersFound++;
    } else {
      out.heads++;
      if (found) out.headsFound++;
      else if (out.details.missed.length < 20) out.details.missed.push(`${i + 1} “${line.trim()}”`);
    }
    const g = glued(i);
    if (g) {
      out.glued++;
      if (out.details.glued.length < 20) out.details.glued.push(`${i + 1} “${line.trim()}” glued: “${g.slice(0, 50)}”`);
    }
  }
  return out;
}

/** The hongqi files other than the labelled one. */
export function unlabelledFiles(corpora, labelledName) {
  const dir = path.join(corpora, 'hongqi-ocr');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && f !== labelledName)
    .sort()
    .map((f) => path.join(dir, f));
}

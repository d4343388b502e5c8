/**
 * What is measured on one zoo document, from the product's outline, findings and safe fixes
 * against the document's gold (gold.mjs), and how the counts add up.
 *
 * - Articles: a predicted article matches a gold one when its title range starts on the gold
 *   headline's first line (an item without a headline: when its range starts on the gold
 *   start line); each predicted article matches at most one gold article. Exact titles: the
 *   predicted title equals the gold title (the headline with its line breaks removed).
 *   Authors: the predicted `authors` equal the gold set (articles whose gold authors are
 *   known and not empty). Decks (no target): the predicted deck equals the gold decks joined
 *   by ' / '.
 * - Joins: the safe fixes of broken-line, split-paragraph and page-residue are applied, pass
 *   after pass as `corpus-lens fix` does; a break between lines a and b is joined when the
 *   end of a and the start of b end up on one line. Every pair of consecutive non-blank lines
 *   is a site, and so is every pair of flow lines with furniture between them (the join must
 *   go around the furniture). Gold `mid` sites should be joined, `sentence` and `wrap-title`
 *   sites may be, every other site must not be. Precision = joined mid / joined non-neutral;
 *   recall = joined mid / mid.
 * - Furniture glued into prose: a furniture or page-marker line whose text survives the fixes
 *   on a line with anything else on it.
 * - Furniture recall: furniture and page-marker lines that are outline page marks or that a
 *   page-residue finding covers.
 * - Rules: a finding (hints excluded) matches an injected label when the rule is the same and
 *   the spans overlap or touch. A finding is correct when it matches a label, or is a true
 *   finding of the layout itself (broken-line / split-paragraph on a gold `mid` break,
 *   page-residue on a furniture line), or lies on real text and the review judged it
 *   genuine; otherwise it is false (or unjudged, which counts as false).
 */
import { breakSites, POSITIVE, NEUTRAL } from './gold.mjs';
import { sha16 } from './text.mjs';

// ---------------------------------------------------------------------------------------
// Positions.

/** Line starts and ends (end = before the line break, \r excluded) of a text. */
export function lineTable(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const ends = starts.map((s, k) => {
    let e = k + 1 < starts.length ? starts[k + 1] - 1 : text.length;
    if (e > s && text[e - 1] === '\r') e--;
    return e;
  });
  return { starts, ends, lineOf: (offset) => upperBound(starts, offset) - 1 };
}

function upperBound(list, value) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A position of the text before the fixes, followed through each pass's edits (sorted, not
 * overlapping, in the offsets of their pass). A position inside a replaced span goes to the
 * start of its replacement.
 */
export function mapThrough(pos, passes) {
  let p = pos;
  for (const edits of passes) {
    let shift = 0;
    let inside = null;
    for (const e of edits) {
      const insertionAtP = e.start === p && e.end === p;
      if (e.start >= p && !insertionAtP) break;
      if (e.end <= p) {
        shift += e.newText.length - (e.end - e.start);
        continue;
      }
      inside = e.start + shift; // e.start < p < e.end
      break;
    }
    p = inside ?? p + shift;
  }
  return p;
}

const overlapsOrTouches = (a, b) => a.start <= b.end && b.start <= a.end;

// ---------------------------------------------------------------------------------------
// Counters.

export const zeroCounts = () => ({
  gold: 0,
  predicted: 0,
  matched: 0,
  titled: 0,
  titlesExact: 0,
  withAuthors: 0,
  authorsExact: 0,
  withDecks: 0,
  decksExact: 0,
  mid: 0,
  midJoined: 0,
  wrongJoins: 0,
  neutralJoined: 0,
  furniture: 0,
  furnitureFound: 0,
  furnitureGlued: 0,
  falsePageMarks: 0,
  chars: 0,
  cleanChars: 0,
});

export function addCounts(into, from) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
  return into;
}

// ---------------------------------------------------------------------------------------
// One document.

/**
 * Evaluates one document. `run`: { text, outline, findings } from the product; `fixed`:
 * { text, passes } of the join fixes; `review`: verdict lookup. Returns counts per article
 * source group (so that they can be summed per layout and per source) and the lists for
 * --verbose.
 */
export function evaluateDocument(gold, run, fixed, review) {
  const { text, outline, findings } = run;
  const table = lineTable(text);
  // The gold was written with this very text: refuse a document that does not match it.
  if (sha16(text.replace(/\r\n/g, '\n').replace(/\n$/, '')) !== gold.textHash) throw new Error(`${gold.file}: the text is not the one its gold was built with (rebuild the zoo)`);
  const lineText = (i) => text.slice(table.starts[i], table.ends[i]);
  const articleOf = (line) => gold.articles[gold.lines[Math.min(line, gold.lines.length - 1)].a];
  const groups = new Map();
  const counts = (article) => {
    const key = `${article.body}|${article.titles ?? 'none'}`;
    if (!groups.has(key)) groups.set(key, { body: article.body, titles: article.titles, counts: zeroCounts(), rules: {}, clean: {} });
    return groups.get(key);
  };
  const details = { wrongJoins: [], missedJoins: [], glued: [], falseFindings: [], articleMisses: [], articleExtras: [], titleMisses: [], authorMisses: [], missedLabels: [], unjudged: [], falsePageMarks: [], cleanFalse: [] };

  // Articles.
  const used = new Set();
  for (const g of gold.articles) {
    const c = counts(g).counts;
    c.gold++;
    const k = outline.articles.findIndex((p, i) => !used.has(i) && (g.titleLines ? p.titleRange?.start.line === g.titleLines[0] : p.range.start.line === g.start));
    const p = k >= 0 ? outline.articles[k] : null;
    if (p) {
      used.add(k);
      c.matched++;
    } else details.articleMisses.push(`${gold.file}:${(g.titleLines?.[0] ?? g.start) + 1} ${g.title ?? '(untitled)'}`);
    if (g.title !== null) {
      c.titled++;
      if (p && p.title === g.title) c.titlesExact++;
      else if (p) details.titleMisses.push(`${gold.file}:${g.titleLines[0] + 1} gold “${g.title}” got “${p.title}”`);
    }
    if (g.authors && g.authors.length > 0) {
      c.withAuthors++;
      if (p && sameSet(p.authors, g.authors)) c.authorsExact++;
      else if (p) details.authorMisses.push(`${gold.file}:${g.start + 1} gold [${g.authors.join(' ')}] got [${p.authors.join(' ')}]`);
    }
    if (g.decks.length > 0) {
      c.withDecks++;
      if (p && p.deck === g.decks.join(' / ')) c.decksExact++;
    }
  }
  outline.articles.forEach((p, k) => {
    const line = p.titleRange?.start.line ?? p.range.start.line;
    counts(articleOf(line)).counts.predicted++;
    if (!used.has(k)) details.articleExtras.push(`${gold.file}:${line + 1} ${p.title ?? '(untitled)'}`);
  });

  // Joins.
  const fixedText = fixed.text;
  const endOf = (i) => mapThrough(table.ends[i], fixed.passes);
  const startOf = (i) => mapThrough(table.starts[i], fixed.passes);
  // A line the fixes deleted (page-residue takes the furniture out) joins nothing: only the lines around it can be joined.
  const deleted = (i) => table.ends[i] > table.starts[i] && mapThrough(table.starts[i], fixed.passes) === mapThrough(table.ends[i], fixed.passes);
  const joined = (a, b) => !deleted(a) && !deleted(b) && !fixedText.slice(endOf(a), startOf(b)).includes('\n');
  for (const site of breakSites(gold)) {
    const c = counts(articleOf(site.a)).counts;
    const isJoined = joined(site.a, site.b);
    const where = `${gold.file}:${site.a + 1}→${site.b + 1}`;
    if (POSITIVE.has(site.label)) {
      c.mid++;
      if (isJoined) c.midJoined++;
      else details.missedJoins.push(`${where} “${tail(lineText(site.a))}|${head(lineText(site.b))}”`);
    } else if (isJoined) {
      if (NEUTRAL.has(site.label)) c.neutralJoined++;
      else {
        c.wrongJoins++;
        details.wrongJoins.push(`${where} ${gold.lines[site.a].k}→${gold.lines[site.b].k} (${site.label}) “${tail(lineText(site.a))}|${head(lineText(site.b))}”`);
      }
    }
  }

  // Furniture: recall, and glued into prose by the fixes.
  const residue = findings.filter((f) => f.rule === 'page-residue');
  const markLines = new Set(outline.pageMarks.map((m) => m.range.start.line));
  gold.lines.forEach((l, i) => {
    if (l.k !== 'furniture' && l.k !== 'page-marker') {
      if (markLines.has(i) && l.k !== 'blank') {
        counts(articleOf(i)).counts.falsePageMarks++;
        details.falsePageMarks.push(`${gold.file}:${i + 1} ${l.k} “${head(lineText(i), 20)}”`);
      }
      return;
    }
    const c = counts(articleOf(i)).counts;
    c.furniture++;
    const span = { start: table.starts[i], end: table.ends[i] };
    if (markLines.has(i) || residue.some((f) => overlapsOrTouches(f.span, span))) c.furnitureFound++;
    const own = lineText(i).trim();
    const s = mapThrough(span.start, fixed.passes);
    const e = mapThrough(span.end, fixed.passes);
    if (own === '' || fixedText.slice(s, e).trim() !== own) return; // deleted (or changed) by a fix
    const from = fixedText.lastIndexOf('\n', s - 1) + 1;
    let to = fixedText.indexOf('\n', e);
    if (to < 0) to = fixedText.length;
    const line = fixedText.slice(from, to).trim();
    if (line !== own) {
      c.furnitureGlued++;
      const at = s - from;
      details.glued.push(`${gold.file}:${i + 1} “${own}” glued: “${fixedText.slice(from, to).slice(Math.max(0, at - 15), at + own.length + 15)}”`);
    }
  });

  // Characters (the denominator of the false-finding rate).
  gold.lines.forEach((l, i) => {
    const c = counts(articleOf(i)).counts;
    const n = lineText(i).length;
    c.chars += n;
    if (gold.articles[l.a].clean) c.cleanChars += n;
  });

  // Rules.
  const labels = gold.artefacts.map((a) => ({ rule: a.rule, span: labelSpan(a, table), line: labelLine(a) }));
  const furnitureSpans = gold.lines.flatMap((l, i) => (l.k === 'furniture' || l.k === 'page-marker' ? [{ start: table.starts[i], end: table.ends[i] }] : []));
  const midSites = breakSites(gold).filter((s) => POSITIVE.has(s.label) && !s.around);
  const sources = reconstructSources(gold, text, table);
  const shown = findings.filter((f) => f.severity !== 'hint');
  for (const l of labels) {
    const r = ruleCounts(counts(articleOf(l.line)), l.rule);
    r.labels++;
    if (shown.some((f) => f.rule === l.rule && overlapsOrTouches(f.span, l.span))) r.found++;
    else details.missedLabels.push(`${gold.file}:${l.line + 1} ${l.rule} “${text.slice(l.span.start, l.span.end).replace(/\r?\n/g, '⏎')}”`);
  }
  for (const f of shown) {
    const line = table.lineOf(f.span.start);
    const group = counts(articleOf(line));
    const r = ruleCounts(group, f.rule);
    r.findings++;
    let verdict;
    if (labels.some((l) => l.rule === f.rule && overlapsOrTouches(f.span, l.span))) verdict = { kind: 'label' };
    else if ((f.rule === 'broken-line' || f.rule === 'split-paragraph') && midSites.some((s) => f.span.start <= table.ends[s.a] && table.starts[s.b] <= f.span.end)) verdict = { kind: 'layout' };
    else if (f.rule === 'page-residue' && furnitureSpans.some((s) => overlapsOrTouches(f.span, s))) verdict = { kind: 'layout' };
    else verdict = reviewVerdict(f, text, table, sources, gold, review);
    if (verdict.kind === 'label' || verdict.kind === 'layout' || verdict.kind === 'genuine') {
      r.correct++;
      continue;
    }
    if (verdict.kind === 'unjudged') {
      r.unjudged++;
      details.unjudged.push({ key: verdict.key, rule: f.rule, excerpt: verdict.excerpt, context: text.slice(Math.max(0, f.span.start - 15), f.span.end + 15).replace(/\r?\n/g, '⏎'), where: `${gold.file}:${line + 1}`, clean: articleOf(line).clean, message: f.message.en });
    } else r.false++;
    const excerpt = text.slice(Math.max(0, f.span.start - 6), f.span.end + 6).replace(/\r?\n/g, '⏎');
    details.falseFindings.push(`${gold.file}:${line + 1} ${f.rule}${verdict.kind === 'unjudged' ? ' (unjudged)' : ''} “${excerpt}” — ${f.message.en}`);
    // The false-finding rate counts findings on clean text (no injection, no encoding damage).
    if (gold.variant === 'clean' && articleOf(line).clean) {
      group.clean[f.rule] = (group.clean[f.rule] ?? 0) + 1;
      details.cleanFalse.push(details.falseFindings[details.falseFindings.length - 1]);
    }
  }
  return { groups: [...groups.values()], details };
}

const ruleCounts = (group, rule) => (group.rules[rule] ??= { labels: 0, found: 0, findings: 0, correct: 0, false: 0, unjudged: 0 });

function labelSpan(a, table) {
  if (a.from) return { start: table.starts[a.from[0]] + a.from[1], end: table.starts[a.to[0]] + a.to[1] };
  if (a.site) return { start: table.ends[a.site[0]] - 1, end: table.starts[a.site[1]] + 1 };
  if (a.lines) return { start: table.starts[a.lines[0]], end: table.ends[a.lines[1]] };
  return { start: table.starts[a.line], end: table.ends[a.line] };
}

const labelLine = (a) => (a.from ? a.from[0] : a.site ? a.site[0] : a.lines ? a.lines[0] : a.line);

/** The source texts of a document (as they stand in it, injections included), by key. */
function reconstructSources(gold, text, table) {
  const byKey = new Map();
  for (const [line, col, len, key, off] of gold.pieces) {
    if (!byKey.has(key)) byKey.set(key, new Map());
    byKey.get(key).set(off, text.slice(table.starts[line] + col, table.starts[line] + col + len));
  }
  const out = new Map();
  for (const [key, parts] of byKey) out.set(key, [...parts.entries()].sort((x, y) => x[0] - y[0]).map(([, t]) => t).join(''));
  return out;
}

/**
 * The review's verdict on a finding that no label or layout explains: only findings of the
 * point rules on real text can be genuine (a break, page-residue or empty-article finding
 * that the gold does not explain is the product's mistake; so is anything on generated text).
 */
function reviewVerdict(f, text, table, sources, gold, review) {
  if (['broken-line', 'split-paragraph', 'page-residue', 'empty-article'].includes(f.rule)) return { kind: 'false' };
  const line = table.lineOf(f.span.start);
  const col = f.span.start - table.starts[line];
  const piece = gold.pieces.find(([l, c, len]) => l === line && c <= col && col < c + len);
  if (!piece) return { kind: 'false' };
  const [, c, , key, off] = piece;
  const source = sources.get(key);
  const at = off + col - c;
  const length = text.slice(f.span.start, f.span.end).replace(/\r?\n/g, '').length;
  const excerpt = source.slice(Math.max(0, at - 4), Math.min(source.length, at + length + 4));
  const reviewKey = `${f.rule}|${sha16(excerpt)}`;
  const verdict = review.get(reviewKey);
  if (verdict === 'genuine') return { kind: 'genuine' };
  if (verdict === 'false') return { kind: 'false' };
  return { kind: 'unjudged', key: reviewKey, excerpt };
}

const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
const tail = (s, n = 8) => s.slice(-n);
const head = (s, n = 8) => s.slice(0, n);

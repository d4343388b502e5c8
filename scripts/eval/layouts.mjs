/**
 * The layout zoo: how the same articles are laid out in the ways real corpora lay them out,
 * and the renderer that writes an article plan into a document through the gold builder.
 *
 *   L1  headline / blank / body, no byline
 *   L2  byline below the headline          L3  byline above the headline
 *   L4  a dateline opens the body (本报讯（记者 X Y）…, 新华社北京3月5日电（记者 X）…, 【本市讯】…)
 *   L5  no blank line at all (headline directly above the body, articles directly one after another)
 *   L6  hard-wrapped bodies (12–40 cells; some files at several widths)
 *   L7  page furniture every N lines: running heads, page numbers, OCR page markers, page
 *       dates, staff lines — falling wherever the page ends, often inside a sentence
 *       (hard-wrapped files and paragraph-per-line files)
 *   L8  mixed: paragraph-per-line articles next to hard-wrapped ones, bylines above and below
 *   L9  GB18030 with CRLF line endings
 *
 * Credits, source lines, decks, two-part headlines, database export headers and headlines
 * after page furniture turn up in several layouts (see `LAYOUTS[...].extras`).
 */
import { endsSentence, cells, cutAt, wrapOffsets } from './text.mjs';
import { furnitureStyle } from './dress.mjs';

/**
 * What each layout does. `byline`: none | below | above | mix; `dateline`: share of
 * articles whose body opens with one; `mode`: line (a paragraph per line) | wrap | mixed;
 * `blanks`: blank lines between elements; `furniture`: page furniture; `exportHeader`:
 * share of articles with a database export header; `untitled`: share of headline-less items.
 */
export const LAYOUTS = {
  L1: { title: 'headline / blank / body, no byline', byline: 'none', dateline: 0, mode: 'line', blanks: true, exportHeader: 0.2 },
  L2: { title: 'byline below the headline', byline: 'below', dateline: 0, mode: 'line', blanks: true, exportHeader: 0 },
  L3: { title: 'byline above the headline', byline: 'above', dateline: 0, mode: 'line', blanks: true, exportHeader: 0 },
  L4: { title: 'dateline opens the body', byline: 'none', dateline: 1, mode: 'line', blanks: true, exportHeader: 0, untitled: 0.12 },
  L5: { title: 'no blank lines at all', byline: 'mix', dateline: 0.25, mode: 'line', blanks: false, exportHeader: 0.2 },
  L6: { title: 'hard-wrapped at 12–40 cells', byline: 'mix', dateline: 0.2, mode: 'wrap', blanks: true, exportHeader: 0 },
  L7: { title: 'page furniture every N lines', byline: 'mix', dateline: 0.2, mode: 'wrap-or-line', blanks: true, furniture: true, exportHeader: 0 },
  L8: { title: 'mixed layouts in one file', byline: 'mix', dateline: 0.3, mode: 'mixed', blanks: true, exportHeader: 0.15, untitled: 0.06 },
  L9: { title: 'GB18030 with CRLF', byline: 'mix', dateline: 0.3, mode: 'line', blanks: true, exportHeader: 0.15, encoding: 'gb18030', eol: '\r\n' },
};

/** Shares of the extras every layout draws from. */
export const EXTRAS = { credit: 0.35, sourceLine: 0.12, deck: 0.6, twoPart: 0.3 };

/** A paragraph: its text, and which parts of it come from which source text. */
export function paragraph(parts) {
  let text = '';
  const origins = [];
  for (const p of parts) {
    if (!p.text) continue;
    origins.push({ start: text.length, end: text.length + p.text.length, key: p.key ?? null, off: p.off ?? 0 });
    text += p.text;
  }
  return { text, origins };
}

/** The pieces of real text in `par.text[start, end)`, placed from column `col` of a line. */
function piecesOf(par, start, end, col) {
  const out = [];
  for (const o of par.origins) {
    if (o.key === null) continue;
    const s = Math.max(start, o.start);
    const e = Math.min(end, o.end);
    if (s < e) out.push({ col: col + s - start, len: e - s, key: o.key, off: o.off + s - o.start });
  }
  return out;
}

/** Where a paragraph indented by `indent` breaks at `width` cells (offsets in the paragraph's text). */
export function wrapParagraph(text, width, indent = '', keep = []) {
  const shift = indent.length;
  return wrapOffsets(indent + text, width, keep.map(([s, e]) => [s + shift, e + shift]))
    .map((o) => o - shift)
    .filter((o) => o > 0 && o < text.length);
}

/** The offset in `text` from `from` at which `room` cells are filled, moved back to a place a line may break. */
function offsetAtCells(text, from, room, keep) {
  let w = 0;
  let i = from;
  while (i < text.length && w + cells(text[i]) <= room) w += cells(text[i++]);
  const alnum = /^[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]{2}$/;
  const ok = (k) => k > from && k < text.length && !alnum.test(text[k - 1] + text[k]) && !/[\udc00-\udfff]/.test(text[k]) && !keep.some(([s, e]) => s < k && k < e) && !'，。、；：？！）》”’'.includes(text[k]);
  while (i > from && !ok(i)) i--;
  return i > from ? i : null;
}

/**
 * Page furniture every N printed lines (L7): counts the printed lines written and writes a
 * page break (the style's running heads, page number and OCR marker) when the page is full.
 * A paragraph-per-line file counts a long line as the printed lines it would fill.
 */
export class Pager {
  constructor(rng, style, { linesPerPage = [14, 30], lineCells = 36 } = {}) {
    this.rng = rng;
    this.style = furnitureStyle(rng, style);
    this.range = linesPerPage;
    this.lineCells = lineCells;
    this.page = 1;
    this.left = rng.range(...linesPerPage);
  }

  /** Cells of text that still fit on this page. */
  room() {
    return this.left * this.lineCells;
  }

  /** After a line is written: counts it, and breaks the page when it is full. */
  consume(writer, text) {
    this.left -= Math.max(1, Math.ceil(cells(text) / this.lineCells));
    if (this.left <= 0) this.pageBreak(writer);
  }

  pageBreak(writer) {
    const { lines, blankAround } = this.style.pageBreak(this.page);
    if (blankAround) writer.builder.blank();
    for (const l of lines) writer.builder.add(l.text, l.kind, { what: l.what });
    if (blankAround) writer.builder.blank();
    this.page++;
    this.left = this.rng.range(...this.range);
  }
}

/** Writes lines through the gold builder, letting the pager count them. */
class Writer {
  constructor(builder, pager) {
    this.builder = builder;
    this.pager = pager;
  }

  line(text, kind, options) {
    const i = this.builder.add(text, kind, options);
    if (this.pager) this.pager.consume(this, text);
    return i;
  }

  blank(n = 1) {
    for (let k = 0; k < n; k++) this.line('', 'blank');
  }
}

/**
 * Renders the articles of one document. `style`: { blanks, blankBetweenParagraphs,
 * blankBetweenArticles, indent, pager } (see zoo.mjs); each article plan as built there.
 */
export function renderDocument(builder, plans, style, rng) {
  const writer = new Writer(builder, style.pager ?? null);
  plans.forEach((plan, n) => {
    if (n > 0 && style.blanks) writer.blank(style.blankBetweenArticles);
    renderArticle(writer, plan, style, rng);
  });
  // The last page of a file with furniture ends like the others.
  if (style.pager) style.pager.pageBreak(writer);
}

function renderArticle(writer, plan, style, rng) {
  const b = writer.builder;
  const article = b.startArticle({
    id: plan.id,
    body: plan.bodySource,
    titles: plan.titleSource,
    clean: plan.clean,
    authors: plan.authors,
    decks: plan.decks.map((d) => d.text),
    empty: plan.paragraphs.length === 0,
  });
  const width = plan.mode.kind === 'wrap' ? plan.mode.width : null;
  const blanks = style.blanks;

  if (plan.exportHeader) {
    // `### title`, the author line (empty when there is none), the date; the body follows directly.
    const [titleLine, authorLine, dateLine] = plan.exportHeader.lines;
    const l = writer.line(titleLine, 'headline', { pieces: piecesOf(plan.headline, 0, plan.headline.text.length, 4) });
    article.title = plan.headline.text;
    article.titleLines = [l, l];
    if (authorLine === '') writer.blank();
    else writer.line(authorLine, 'byline');
    writer.line(dateLine, 'meta');
  } else {
    if (plan.byline?.position === 'above') {
      writer.line(plan.byline.text, 'byline');
      if (blanks && plan.byline.blankAfter) writer.blank();
    }
    if (plan.headline) {
      const text = plan.headline.text;
      const cuts = width !== null && cells(text) > width ? wrapParagraph(text, width) : [];
      const parts = cutAt(text, cuts);
      const first = b.length;
      parts.forEach((p, k) => writer.line(text.slice(p.start, p.end), 'headline', { end: k < parts.length - 1 ? 'wrap-title' : 'element', pieces: piecesOf(plan.headline, p.start, p.end, 0) }));
      article.title = text;
      article.titleLines = [first, b.length - 1];
      // An article whose headline is all that is left: an empty-article label on the headline.
      if (plan.paragraphs.length === 0) b.artefacts.push({ rule: 'empty-article', lines: [first, b.length - 1] });
      // In a wrapped file a page break may have fallen inside a long headline; the title lines are the headline lines.
      const titleLines = [];
      for (let i = first; i < b.length; i++) if (b.lines[i].kind === 'headline') titleLines.push(i);
      article.titleLines = [titleLines[0], titleLines[titleLines.length - 1]];
    }
    for (const deck of plan.decks) writer.line(deck.text, 'deck', { pieces: piecesOf(deck, 0, deck.text.length, 0) });
    if (plan.byline?.position === 'below') {
      if (blanks && plan.byline.blankBefore) writer.blank();
      writer.line(plan.byline.text, 'byline');
    }
    if (blanks && plan.paragraphs.length > 0 && (plan.headline || plan.byline)) writer.blank();
  }

  plan.paragraphs.forEach((par, p) => {
    if (p > 0 && blanks && style.blankBetweenParagraphs && plan.mode.kind === 'line') writer.blank();
    renderParagraph(writer, plan, par, p, style, rng);
  });

  if (plan.credit && !plan.credit.glued) {
    if (blanks && rng.chance(0.3)) writer.blank();
    writer.line(plan.credit.text, 'credit');
  }
  if (plan.sourceLine) writer.line(plan.sourceLine.text, 'source');
}

/**
 * One paragraph: a line per paragraph, or its wrapped lines; the injected breaks
 * (broken-line, split-paragraph, page-residue) and the page breaks of L7 cut it further.
 */
function renderParagraph(writer, plan, par, p, style, rng) {
  const b = writer.builder;
  const text = par.text;
  const indent = style.indent;
  const keep = plan.artefacts.filter((a) => a.para === p).map((a) => [a.start, a.end]);
  const cuts = new Map();
  if (plan.mode.kind === 'wrap') for (const at of wrapParagraph(text, plan.mode.width, indent, keep)) cuts.set(at, 'wrap');
  for (const c of plan.cuts.filter((c) => c.para === p)) cuts.set(c.at, c.rule);
  const order = [...cuts.keys()].sort((x, y) => x - y);
  const segments = [];
  let pending = null; // a label waiting for the line after the break
  let pos = 0;
  while (pos < text.length) {
    let end = order.find((o) => o > pos) ?? text.length;
    let type = cuts.get(end) ?? 'end';
    // A paragraph-per-line file: the page may end inside this line.
    const pager = writer.pager;
    if (pager && plan.mode.kind === 'line') {
      const first = segments.length === 0 ? indent : '';
      if (cells(first + text.slice(pos, end)) > pager.room()) {
        const at = offsetAtCells(text, pos, pager.room() - cells(first), keep);
        if (at !== null && at < end) {
          end = at;
          type = 'page';
        }
      }
    }
    const col = segments.length === 0 ? indent.length : 0;
    const lineText = (segments.length === 0 ? indent : '') + text.slice(pos, end);
    const last = end >= text.length;
    const pageBefore = pager?.page;
    const line = writer.line(lineText, 'body', {
      end: last ? 'paragraph' : endsSentence(text.slice(0, end)) ? 'sentence' : 'mid',
      pieces: piecesOf(par, pos, end, col),
    });
    // The page ends after this line: break it if counting did not.
    if (type === 'page' && pager.page === pageBefore) pager.pageBreak(writer);
    segments.push({ line, start: pos, end, col });
    if (pending) {
      b.artefacts.push({ rule: pending.rule, site: [pending.line, line] });
      pending = null;
    }
    if (!last) {
      if (type === 'broken-line') pending = { rule: type, line };
      if (type === 'split-paragraph') {
        writer.blank(rng.chance(0.8) ? 1 : 2);
        pending = { rule: type, line };
      }
      if (type === 'page-residue') {
        const blank = rng.chance(0.6);
        const piece = plan.residue.shift();
        if (blank) writer.blank();
        const f = writer.line(piece.text, piece.kind, { what: piece.what });
        if (blank) writer.blank();
        b.artefacts.push({ rule: 'page-residue', line: f });
      }
    }
    pos = end;
  }
  // Point artefacts: from paragraph offsets to lines and columns.
  const at = (offset, isEnd) => {
    const s = segments.find((g) => (isEnd ? g.start < offset && offset <= g.end : g.start <= offset && offset < g.end)) ?? segments[segments.length - 1];
    return [s.line, s.col + offset - s.start];
  };
  for (const a of plan.artefacts.filter((x) => x.para === p)) b.artefacts.push({ rule: a.rule, from: at(a.start, false), to: at(a.end, true) });
}

/**
 * Gold by construction: a document is written line by line through a `DocBuilder`, and every
 * line says what it is as it is written — so the gold cannot disagree with the text.
 *
 * What the gold of a document holds (`<name>.gold.json` next to each document):
 *
 * - `lines[i]`: `k` the kind of line i (headline, deck, byline, meta, body, credit, source,
 *   furniture, page-marker, blank), `a` the article it belongs to (lines before the first
 *   article belong to the first, furniture between articles to the article before it), `w`
 *   for furniture what it is (issue, title, page-number, date, staff). For the lines of the
 *   text flow (everything but blank lines, furniture and page markers), `e` says what the
 *   break after the line is and `n` which line the flow continues on (the next flow line,
 *   skipping blank lines and furniture):
 *     `mid`        inside a sentence of one paragraph: a fix should join the two lines;
 *     `sentence`   at a sentence end inside a paragraph: joining or not are both fine;
 *     `wrap-title` inside a headline wrapped over two lines: neutral too;
 *     `paragraph`  a paragraph ends there; `element` the next line is another element
 *                  (headline → deck → byline → body → credit → next article): never join.
 * - `articles`: title (the headline text as one line, without its line breaks; null for an
 *   item without a headline), `titleLines` [first, last], `start` (first line of the
 *   article, a byline above the headline or an export header included), `authors` (null when
 *   the text carries credits the gold cannot know of), `decks`, `empty` (no body), the
 *   sources of its body and headline, `clean` (body text without encoding damage).
 * - `artefacts`: what was injected, with its rule: `{rule, from:[line, col], to:[line, col]}`
 *   for an artefact inside lines, `{rule, site:[a, b]}` for a break between lines a and b,
 *   `{rule, line}` for a furniture line put inside a sentence, `{rule, lines:[a, b]}` for an
 *   article without a body (its headline).
 * - `pieces`: `[line, col, length, key, offset]`: where the real text in each line comes from
 *   (a key per source paragraph or headline). A finding on real text is looked up in the
 *   review by its excerpt in that source text, the same in every layout; generated text
 *   (bylines, datelines, furniture) has no piece.
 */
import { sha16 } from './text.mjs';

/** Lines that are not part of the text flow. */
export const OUT_OF_FLOW = new Set(['blank', 'furniture', 'page-marker']);
/** Breaks a fix should join. `NEUTRAL` ones it may join; all others it must not. */
export const POSITIVE = new Set(['mid']);
export const NEUTRAL = new Set(['sentence', 'wrap-title']);

export class DocBuilder {
  constructor() {
    this.lines = [];
    this.articles = [];
    this.artefacts = [];
  }

  get length() {
    return this.lines.length;
  }

  /** Adds a line; returns its index. `pieces`: [{col, len, key, off}] of real text in it. */
  add(text, kind, { end = 'element', pieces = [], what = null } = {}) {
    this.lines.push({ text, kind, article: Math.max(0, this.articles.length - 1), end, pieces, what });
    return this.lines.length - 1;
  }

  blank(n = 1) {
    for (let i = 0; i < n; i++) this.add('', 'blank');
  }

  setEnd(line, end) {
    this.lines[line].end = end;
  }

  /** Starts an article at the next line; its fields are filled in as it is written. */
  startArticle(meta) {
    const article = { title: null, titleLines: null, start: this.lines.length, authors: [], decks: [], empty: false, ...meta };
    this.articles.push(article);
    return article;
  }

  /** The document's lines and its gold. */
  finish(meta) {
    const n = this.lines.length;
    const next = new Array(n).fill(null);
    let following = null;
    for (let i = n - 1; i >= 0; i--) {
      if (OUT_OF_FLOW.has(this.lines[i].kind)) continue;
      next[i] = following;
      following = i;
    }
    const lines = this.lines.map((l, i) => {
      const entry = { k: l.kind, a: l.article };
      if (l.what) entry.w = l.what;
      if (!OUT_OF_FLOW.has(l.kind)) {
        entry.e = next[i] === null ? 'element' : l.end;
        entry.n = next[i];
      }
      return entry;
    });
    const pieces = [];
    this.lines.forEach((l, i) => {
      for (const p of l.pieces) if (p.len > 0) pieces.push([i, p.col, p.len, p.key, p.off]);
    });
    const texts = this.lines.map((l) => l.text);
    return {
      texts,
      gold: { version: 1, ...meta, textHash: sha16(texts.join('\n')), lines, articles: this.articles, artefacts: this.artefacts, pieces },
    };
  }
}

/**
 * Every break the join metrics look at: each pair of consecutive non-blank lines, and each
 * pair of flow lines with furniture between them (a sentence that goes on after the
 * furniture: the join must go around it, from a to b).
 */
export function breakSites(gold) {
  const { lines } = gold;
  const sites = [];
  const nonBlank = lines.map((l, i) => (l.k === 'blank' ? -1 : i)).filter((i) => i >= 0);
  for (let k = 0; k + 1 < nonBlank.length; k++) {
    const a = nonBlank[k];
    const b = nonBlank[k + 1];
    const flows = lines[a].n === b;
    const blankBetween = b > a + 1;
    sites.push({ a, b, label: flows ? lines[a].e : 'element', furniture: OUT_OF_FLOW.has(lines[a].k) || OUT_OF_FLOW.has(lines[b].k), blankBetween });
  }
  lines.forEach((l, a) => {
    if (l.n === null || l.n === undefined) return;
    if (lines.slice(a + 1, l.n).some((x) => x.k !== 'blank')) sites.push({ a, b: l.n, label: l.e, furniture: false, around: true });
  });
  return sites;
}

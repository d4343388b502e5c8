/**
 * One analysis per document version: the document cut into regions (one per article), each
 * parsed on its own with offsets relative to its start, with the speakers of its article and
 * the names it reveals. Diagnostics, the outline, hover and code actions build on the same
 * object.
 *
 * A region's results depend on nothing but the region (its text, the roles of its lines, the
 * page date above it), so a `RegionCache` keeps them across versions: an edit re-analyses only
 * the regions it touched, and the result is always that of a fresh analysis.
 */
import { Article, IncrementalWalk, LayoutProfile, WalkChange, ParsedDocument, RegionInput, RegionSpan, parseRegion, regionInput, regionKey, shiftArticle, shiftMark, WalkedDocument, walkDocument } from './parse';
import { Segmenter } from './segmenter';
import { Speaker, findSpeakers, plausibleName } from './speakers';
import { Line } from './text';

export interface AnalyzedArticle extends Article {
  speakers: Speaker[];
}

/** What a region gives, relative to its start. */
export interface RegionResult {
  key: string | null;
  /** The region as a document of its own: what the rules read. */
  parsed: ParsedDocument;
  articles: AnalyzedArticle[];
  /** Names and titles the region reveals, for its segmentation (never for another's). */
  words: ReadonlySet<string>;
  pageDateBefore: string | null;
  pageDateAfter: string | null;
  /** The rules' findings, kept with the region (see core/lint). */
  lint?: unknown;
}

/** A region's results and where the region is in the document now. */
export interface PlacedRegion {
  span: RegionSpan;
  result: RegionResult;
}

export interface AnalysisDeps {
  segmenter?: Segmenter;
  /** Results of earlier versions' regions, so that an edit re-analyses only the regions it touched. */
  cache?: RegionCache;
  /**
   * The results of the previous version's regions that an incremental walk left untouched,
   * taken over without recomputing their keys (see `LiveAnalysis`).
   */
  reuse?: (span: RegionSpan, pageDateBefore: string | null) => RegionResult | null;
}

export class DocumentAnalysis {
  private absolute: { parsed: ParsedDocument; articles: AnalyzedArticle[] } | null = null;

  constructor(
    readonly text: string,
    readonly lines: Line[],
    readonly profile: LayoutProfile,
    readonly wrapWidths: (number | null)[],
    readonly regions: PlacedRegion[],
  ) {}

  /** The whole document's structure, offsets in the document (built on first use). */
  get parsed(): ParsedDocument {
    return this.absoluteView().parsed;
  }

  /** Every article with its speakers, offsets in the document. */
  get articles(): AnalyzedArticle[] {
    return this.absoluteView().articles;
  }

  private absoluteView(): { parsed: ParsedDocument; articles: AnalyzedArticle[] } {
    if (this.absolute) return this.absolute;
    const pageMarks = [];
    const articles: AnalyzedArticle[] = [];
    for (const { span, result } of this.regions) {
      for (const mark of result.parsed.pageMarks) pageMarks.push(shiftMark(mark, span.start));
      for (const article of result.articles) {
        articles.push({ ...shiftArticle(article, span.start, span.firstLine, this.text), speakers: shiftSpeakers(article.speakers, span.start) });
      }
    }
    this.absolute = {
      parsed: { text: this.text, lines: this.lines, profile: this.profile, wrapWidths: this.wrapWidths, pageMarks, articles },
      articles,
    };
    return this.absolute;
  }
}

export function analyzeDocument(text: string, deps: AnalysisDeps = {}): DocumentAnalysis {
  return analyzeWalk(walkDocument(text, { segmenter: deps.segmenter }), deps);
}

/** The analysis of a walked document: its regions, from the cache where they are unchanged. */
export function analyzeWalk(walked: WalkedDocument, deps: AnalysisDeps = {}): DocumentAnalysis {
  const { text, lines, placed, roles, profile } = walked;
  const regions: PlacedRegion[] = [];
  let pageDate: string | null = null;
  for (const span of walked.spans) {
    let result: RegionResult | null = deps.reuse?.(span, pageDate) ?? null;
    if (!result) {
      const input = regionInput(text, lines, placed, roles, span, pageDate);
      result = deps.cache ? deps.cache.get(input, profile, deps.segmenter) : analyzeRegion(input, profile, null, deps.segmenter);
    }
    pageDate = result.pageDateAfter;
    regions.push({ span, result });
  }
  deps.cache?.keepOnly(regions.map((r) => r.result));
  return new DocumentAnalysis(text, lines, profile, walked.wrapWidths, regions);
}

/**
 * A document analysed and kept up to date through edits: the walk follows each change
 * incrementally, and the regions it did not walk again keep their results (moved to where
 * they are now). Every version's analysis equals a fresh one.
 */
export class LiveAnalysis {
  private readonly walk: IncrementalWalk;
  /**
   * The regions by content: a region the walk went through again but left as it was (the walk
   * goes on past an edit until it falls back into step) keeps its results, and its findings.
   */
  private readonly cache = new RegionCache();
  private current: DocumentAnalysis;

  constructor(text: string, private readonly segmenter?: Segmenter) {
    this.walk = new IncrementalWalk(text, segmenter);
    this.current = analyzeWalk(this.walk, { segmenter, cache: this.cache });
  }

  get analysis(): DocumentAnalysis {
    return this.current;
  }

  /** The analysis of `text`, the document after an edit; `ends` as for `IncrementalWalk.update`. */
  update(text: string, ends?: { prefix: number; suffix: number }): DocumentAnalysis {
    if (text === this.current.text) return this.current;
    const before = this.current.regions;
    const change = this.walk.update(text, ends);
    const reuse = change.full ? undefined : (span: RegionSpan, pageDateBefore: string | null) => reusable(before, change, span, pageDateBefore);
    this.current = analyzeWalk(this.walk, { segmenter: this.segmenter, cache: this.cache, reuse });
    return this.current;
  }
}

/** The previous result of a region the walk left as it was, at the same lines and under the same page date. */
function reusable(before: PlacedRegion[], change: WalkChange, span: RegionSpan, pageDateBefore: string | null): RegionResult | null {
  let from: number;
  if (span.to <= change.from) from = span.from;
  else if (span.from >= change.to) from = span.from - change.delta;
  else return null;
  let lo = 0;
  let hi = before.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (before[mid].span.from <= from) lo = mid;
    else hi = mid - 1;
  }
  const old = before[lo];
  if (!old || old.span.from !== from || old.span.to - old.span.from !== span.to - span.from || old.result.pageDateBefore !== pageDateBefore) return null;
  return old.result;
}

export function analyzeRegion(input: RegionInput, profile: LayoutProfile, key: string | null, segmenter?: Segmenter): RegionResult {
  const region = parseRegion(input);
  const wrapWidths: (number | null)[] = new Array(input.lines.length).fill(null);
  for (const line of input.placed) wrapWidths[line.line] = line.wrapWidth;
  const parsed: ParsedDocument = { text: input.text, lines: input.lines, profile, wrapWidths, pageMarks: region.pageMarks, articles: region.articles };
  const isName = plausibleName(segmenter);
  const articles = region.articles.map((article) => ({ ...article, speakers: findSpeakers(article, input.text, isName) }));
  return { key, parsed, articles, words: discoveredWords(articles), pageDateBefore: input.pageDateBefore, pageDateAfter: region.pageDateAfter };
}

/** Region results by the region's key: what a document's regions were in the last version. */
export class RegionCache {
  private entries = new Map<string, RegionResult>();
  hits = 0;
  misses = 0;

  get(input: RegionInput, profile: LayoutProfile, segmenter?: Segmenter): RegionResult {
    const key = regionKey(input);
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      // The document-wide layout summary may have changed; the region's results do not depend on it.
      cached.parsed.profile = profile;
      return cached;
    }
    this.misses++;
    const result = analyzeRegion(input, profile, key, segmenter);
    this.entries.set(key, result);
    return result;
  }

  /** Forgets the regions that no longer exist. */
  keepOnly(results: RegionResult[]): void {
    const keep = new Map<string, RegionResult>();
    for (const r of results) if (r.key !== null) keep.set(r.key, r);
    this.entries = keep;
  }
}

function shiftSpeakers(speakers: Speaker[], delta: number): Speaker[] {
  if (delta === 0) return speakers;
  return speakers.map((s) => ({
    ...s,
    statements: s.statements.map((st) => ({ ...st, span: { start: st.span.start + delta, end: st.span.end + delta } })),
  }));
}

/** Names and titles an article set reveals, for the segmentation of its own region. */
export function discoveredWords(articles: AnalyzedArticle[]): Set<string> {
  const words = new Set<string>();
  for (const article of articles) {
    for (const author of article.authors) words.add(author);
    for (const speaker of article.speakers) {
      words.add(speaker.name);
      if (speaker.role) words.add(speaker.role);
    }
  }
  return words;
}

/**
 * The layout of the text around each line: hard-wrapped at a fixed width, or one paragraph per
 * line. Decided locally, from the lines nearby, so that a file mixing layouts (hard-wrapped
 * articles next to paragraph-per-line ones, columns of different widths) is read right in each
 * part, and so that an edit changes the layout of the lines near it only.
 *
 * Text is hard-wrapped where many lines run straight into the next one without ending a
 * sentence and those lines are about equally wide; their median width is the wrap width, and a
 * line at least 85% as wide is a full line (punctuation and digits print narrow).
 */

export interface LayoutLine {
  width: number;
  /** The line is prose (not furniture, a byline, a source line …). */
  prose: boolean;
  /** A prose line that runs straight into the next prose line: no blank line between, no sentence end. */
  runsOn: boolean;
}

/** Lines on each side of a line that its layout is judged from. */
export const LAYOUT_WINDOW = 20;
const MIN_RUN_ON = 4;
const MIN_RUN_ON_SHARE = 0.3;
/** Share of the run-on lines whose width is within 15% of their median. */
const MIN_TIGHT_SHARE = 0.6;
const FULL_LINE = 0.85;
/** Punctuation may hang past the wrap width, a little. */
const OVERFLOW = 1.25;
const MAX_BUCKET = 255;

/**
 * The wrap width around each line (in ideograph cells), or null where the text is not
 * hard-wrapped. `lines` are the document's non-blank lines in order.
 *
 * The text around a line is judged first on both sides of it; where that mixes two widths (the
 * line sits where one article's width gives way to another's), on the side whose width fits
 * the line itself, else the side after it (a headline takes the layout of the text below it).
 * Linear: each window slides over a histogram of widths.
 */
export function localWrapWidths(lines: LayoutLine[]): (number | null)[] {
  const own: number[] = new Array(lines.length).fill(0);
  const around = windowWidths(lines, -LAYOUT_WINDOW, LAYOUT_WINDOW, own);
  const after = windowWidths(lines, 0, LAYOUT_WINDOW);
  const before = windowWidths(lines, -LAYOUT_WINDOW, 0);
  return lines.map((line, i) => {
    if (around[i] !== MIXED) return around[i];
    // A run-on line among others as wide as itself: a column of its own width (a short article
    // wrapped narrower or wider than its neighbours).
    if (line.runsOn && line.width >= MIN_WRAP_WIDTH && own[i] >= MIN_OWN_WIDTH) return Math.round(line.width);
    const fits = (w: number | null) => w !== null && line.runsOn && line.width >= w * 0.85 && line.width <= w * 1.15;
    const sides = [before[i], after[i]].map((w) => (w === MIXED ? null : w));
    if (fits(sides[0])) return sides[0];
    return sides[1] ?? sides[0];
  });
}

/** Run-on lines about as wide as a line (itself included) that make a column of that width. */
const MIN_OWN_WIDTH = 3;
/** Narrower columns of run-on lines are verse or lists rather than wrapped text. */
const MIN_WRAP_WIDTH = 10;

/** A window with enough run-on lines, but of more than one width. */
const MIXED = -1;

/**
 * The wrap width of the window [i + from, i + to] for each line i, null, or MIXED; `own`, when
 * given, receives the number of run-on lines in the window within 10% of line i's width.
 */
function windowWidths(lines: LayoutLine[], from: number, to: number, own?: number[]): (number | null)[] {
  const result: (number | null)[] = new Array(lines.length).fill(null);
  const window = new WidthWindow();
  let prose = 0;
  const enter = (k: number, sign: 1 | -1) => {
    if (k < 0 || k >= lines.length) return;
    const line = lines[k];
    if (!line.prose) return;
    prose += sign;
    if (line.runsOn) window.change(line.width, sign);
  };
  for (let k = from; k <= to; k++) enter(k, 1);
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) {
      enter(i + to, 1);
      enter(i + from - 1, -1);
    }
    if (own && lines[i].runsOn) own[i] = window.countBetween(lines[i].width * 0.9, lines[i].width * 1.1);
    const n = window.count;
    if (n < MIN_RUN_ON || n < prose * MIN_RUN_ON_SHARE) continue;
    const median = window.median();
    result[i] = window.countBetween(median * 0.85, median * 1.15) >= n * MIN_TIGHT_SHARE ? median : MIXED;
  }
  return result;
}

/** The narrowest width that is still a full line at `wrapWidth`. */
export function fullLineWidth(wrapWidth: number): number {
  return Math.floor(wrapWidth * FULL_LINE);
}

/**
 * A full line of hard-wrapped text: about as wide as the wrap width around it. A line much
 * wider than that is no wrapped line (a paragraph-per-line paragraph among wrapped ones).
 */
export function isFullLine(width: number, wrapWidth: number | null): boolean {
  return wrapWidth !== null && width >= fullLineWidth(wrapWidth) && width <= wrapWidth * OVERFLOW;
}

/** A multiset of whole widths with its median, updated one width at a time. */
class WidthWindow {
  private readonly histogram = new Uint32Array(MAX_BUCKET + 1);
  count = 0;

  change(width: number, sign: 1 | -1): void {
    this.histogram[Math.min(MAX_BUCKET, Math.round(width))] += sign;
    this.count += sign;
  }

  /** The lower median. */
  median(): number {
    let rank = (this.count - 1) >> 1;
    for (let w = 0; w <= MAX_BUCKET; w++) {
      rank -= this.histogram[w];
      if (rank < 0) return w;
    }
    return MAX_BUCKET;
  }

  countBetween(low: number, high: number): number {
    let n = 0;
    for (let w = Math.max(0, Math.ceil(low)); w <= Math.min(MAX_BUCKET, Math.floor(high)); w++) n += this.histogram[w];
    return n;
  }
}

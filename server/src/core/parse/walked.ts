/**
 * A document read line by line: its lines, the role of each, the layout, and where its regions
 * are — what the analysis builds on, whether walked afresh or kept up to date (incremental.ts).
 */
import { Line } from '../text';
import { PlacedLine } from './assemble';
import { RegionSpan, regionSpans } from './regions';
import { scanDocument } from './scan';
import { LineRole, Walker } from './walker';
import { Segmenter } from '../segmenter';

export interface LayoutProfile {
  /** True when most prose lines are hard-wrapped text (rather than one paragraph per line). */
  hardWrapped: boolean;
  /** The most common wrap width of the hard-wrapped text, in ideograph cells. */
  wrapWidth: number | null;
}

/** A document read line by line: its lines, their roles, the layout, and where its regions are. */
export interface WalkedDocument {
  text: string;
  lines: Line[];
  placed: PlacedLine[];
  roles: LineRole[];
  spans: RegionSpan[];
  profile: LayoutProfile;
  /** The wrap width around each line (by line number), or null. */
  wrapWidths: (number | null)[];
}

export function walkDocument(text: string, options: { segmenter?: Segmenter } = {}): WalkedDocument {
  const { lines, placed } = scanDocument(text);
  const { roles } = new Walker(placed, options.segmenter).walk();
  const wrapWidths: (number | null)[] = new Array(lines.length).fill(null);
  for (const line of placed) wrapWidths[line.line] = line.wrapWidth;
  return { text, lines, placed, roles, spans: regionSpans(text, lines, placed, roles), profile: profileOf(placed, roles), wrapWidths };
}

export function profileOf(lines: PlacedLine[], roles: LineRole[]): LayoutProfile {
  const counts = new Map<number, number>();
  let prose = 0;
  let wrapped = 0;
  lines.forEach((line, k) => {
    const role = roles[k].role;
    if (role !== 'paragraph' && role !== 'continuation' && role !== 'section') return;
    prose++;
    if (line.wrapWidth === null) return;
    wrapped++;
    counts.set(line.wrapWidth, (counts.get(line.wrapWidth) ?? 0) + 1);
  });
  if (prose === 0 || wrapped < prose / 2) return { hardWrapped: false, wrapWidth: null };
  const [width] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return { hardWrapped: true, wrapWidth: width };
}

/**
 * How often a glossary entry occurs in a document, counted region by region: a region's counts
 * are kept with its result, which an edit elsewhere leaves in place, so the hover after an edit
 * recounts only the regions the edit touched.
 */
import { DocumentAnalysis, RegionResult } from '../analysis';
import { GlossaryEntry } from './entries';
import { Glossary } from './matcher';

const counted = new WeakMap<Glossary, WeakMap<RegionResult, Map<GlossaryEntry, number>>>();

export function occurrencesIn(glossary: Glossary, analysis: DocumentAnalysis, entry: GlossaryEntry): number {
  let total = 0;
  for (const { result } of analysis.regions) total += regionCounts(glossary, result).get(entry) ?? 0;
  return total;
}

/** How often each entry occurs in a region (counted once per region and glossary). */
export function regionCounts(glossary: Glossary, result: RegionResult): ReadonlyMap<GlossaryEntry, number> {
  let byRegion = counted.get(glossary);
  if (!byRegion) counted.set(glossary, (byRegion = new WeakMap()));
  let counts = byRegion.get(result);
  if (!counts) {
    counts = new Map();
    for (const match of glossary.findFresh(result.parsed.text)) counts.set(match.entry, (counts.get(match.entry) ?? 0) + 1);
    byRegion.set(result, counts);
  }
  return counts;
}

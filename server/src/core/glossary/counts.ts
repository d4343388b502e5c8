/**
 * How often a glossary entry occurs in a document, counted region by region: a region's counts
 * are kept with its result, which an edit elsewhere leaves in place, so the hover after an edit
 * recounts only the regions the edit touched.
 */
import { DocumentAnalysis, RegionResult } from '../analysis';
import { GlossaryEntry } from './entries';
import { Glossary } from './matcher';

const regionCounts = new WeakMap<Glossary, WeakMap<RegionResult, Map<GlossaryEntry, number>>>();

export function occurrencesIn(glossary: Glossary, analysis: DocumentAnalysis, entry: GlossaryEntry): number {
  let byRegion = regionCounts.get(glossary);
  if (!byRegion) regionCounts.set(glossary, (byRegion = new WeakMap()));
  let total = 0;
  for (const { result } of analysis.regions) {
    let counts = byRegion.get(result);
    if (!counts) {
      counts = new Map();
      for (const match of glossary.findFresh(result.parsed.text)) counts.set(match.entry, (counts.get(match.entry) ?? 0) + 1);
      byRegion.set(result, counts);
    }
    total += counts.get(entry) ?? 0;
  }
  return total;
}

/**
 * The review of findings on real text: a person's verdict on each finding that no injected
 * label and no layout gold explains, "genuine" (a real problem of that text: Sogou's encoding
 * damage, THUCNews' ASCII brackets, full-width digits in Sogou's copy …) or "false" (the
 * linter cries wolf). Keyed by rule and the SHA-256 (16 hex digits) of the excerpt — the
 * finding's text with 4 characters either side, taken from the source text it lies in, so
 * that the key is the same in every layout and no corpus text is stored in the repository.
 * A finding nobody has judged counts as false.
 *
 * `--write-review` adds the unjudged findings to the file with verdict "?" and lists them
 * with their excerpts on the terminal, so that a person can judge them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function loadReview(file) {
  const data = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { about: '', entries: [] };
  return { data, verdicts: new Map(data.entries.map((e) => [e.key, e.verdict])) };
}

/** Adds the unjudged findings (verdict "?"); returns those that were new, one per key. */
export function addUnjudged(review, unjudged) {
  const known = new Set(review.data.entries.map((e) => e.key));
  const added = [];
  for (const u of unjudged) {
    if (known.has(u.key)) continue;
    known.add(u.key);
    review.data.entries.push({ key: u.key, verdict: '?' });
    added.push(u);
  }
  return added;
}

export function saveReview(file, review) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  review.data.entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  fs.writeFileSync(file, JSON.stringify(review.data, null, 1) + '\n');
}

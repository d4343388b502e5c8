// The benchmark's inputs, built in a temporary folder and removed afterwards: the seeds
// repeated to a size (the measure), and text that does not repeat — THUCNews
// sentences (from the corpora folder given) shuffled into new paragraphs and articles — so
// that no cache of any tool is flattered. Nothing of it is written into the repository.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const MB = 1024 * 1024;

export function tempFolder() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-bench-'));
}

export function seedsText(root, megabytes) {
  const seeds = fs
    .readdirSync(path.join(root, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
  const parts = [];
  let bytes = 0;
  for (let i = 0; bytes < megabytes * MB; i++) {
    const seed = seeds[i % seeds.length];
    parts.push(seed);
    bytes += Buffer.byteLength(seed) + 2;
  }
  return parts.join('\n\n');
}

/** A deterministic shuffle of THUCNews sentences into articles of a headline and paragraphs. */
export function freshText(corpora, megabytes) {
  const file = path.join(corpora, 'thucnews-dev.tsv');
  if (!fs.existsSync(file)) return null;
  const rows = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((row) => row.split('\t')[1] ?? '');
  const sentences = rows.flatMap((body) => body.match(/[^。！？]+[。！？]/g) ?? []).filter((s) => s.length >= 6);
  const titles = rows.map((body) => body.slice(0, 24).replace(/[，。！？、：；“”]/g, ' ').trim()).filter(Boolean);
  let seed = 20261201;
  const next = (n) => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed % n;
  };
  const parts = [];
  let bytes = 0;
  while (bytes < megabytes * MB) {
    const paragraphs = [];
    for (let p = 2 + next(6); p > 0; p--) {
      let paragraph = '';
      for (let s = 2 + next(5); s > 0; s--) paragraph += sentences[next(sentences.length)];
      paragraphs.push(paragraph);
    }
    const article = `${titles[next(titles.length)]}\n\n${paragraphs.join('\n')}`;
    parts.push(article);
    bytes += Buffer.byteLength(article) + 2;
  }
  return parts.join('\n\n');
}

/** Writes `text` to a file in `folder` and returns its path. */
export function writeInput(folder, name, text) {
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  return file;
}

export function sizeOf(file) {
  return fs.statSync(file).size / MB;
}

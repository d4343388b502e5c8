// The bench's command line: its options, and the usage text, which is the header comment of
// index.mjs (so the two cannot drift).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The header comment of `file` (the `//` lines after the shebang), without the slashes. */
export function usageOf(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const header = [];
  for (const line of lines.slice(lines[0]?.startsWith('#!') ? 1 : 0)) {
    if (!line.startsWith('//')) break;
    header.push(line.replace(/^\/\/ ?/, ''));
  }
  return header.join('\n').trimEnd() + '\n';
}

/**
 * The options of `args`. A quick run never writes the docs, even with --write-docs: its figures
 * (1 MB, one run, perhaps on a loaded machine) are not the ones to publish. `notes` are lines to
 * print before the run.
 */
export function benchOptions(args, root) {
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  if (args.includes('--help') || args.includes('-h')) return { help: true };
  const quick = args.includes('--quick');
  const notes = [];
  let writeDocs = args.includes('--write-docs');
  if (quick && writeDocs) {
    writeDocs = false;
    notes.push('--quick: docs/PERFORMANCE.md is not written (a quick run measures too little to replace the published figures; run without --quick for that)');
  }
  const corporaGiven = option('--corpora', null);
  const corpora = path.resolve(corporaGiven ?? path.join(root, '..', 'shared', 'corpora'));
  if (!fs.existsSync(corpora)) {
    notes.push(`the corpora folder ${corpora} does not exist: only the seeds are measured (name the folder that holds thucnews-dev.tsv with --corpora DIR)`);
  } else if (!fs.existsSync(path.join(corpora, 'thucnews-dev.tsv'))) {
    notes.push(`no thucnews-dev.tsv in ${corpora}: only the seeds are measured (name the folder that holds it with --corpora DIR)`);
  }
  return {
    help: false,
    quick,
    writeDocs,
    corpora,
    sizes: option('--sizes', quick ? '1' : '1,10,50').split(',').map(Number),
    runs: Number(option('--runs', quick ? '1' : '3')),
    zhlintMaxMb: Number(option('--zhlint-max-mb', '10')),
    notes,
  };
}

/** The name of the seeds input of `mb` megabytes. */
export function seedsInputName(mb) {
  return `seeds repeated, ${mb} MB`;
}

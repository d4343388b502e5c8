// What ocr-confusion and mixed-script cost (issue 12: at most 20 % added to lint time): the
// start-up cost of the dictionary's word frequencies and of the look-alike tables and neighbour
// filter, measured in a fresh process; then, on each input, the lint of every rule with and
// without the two rules, in CPU time (other work shares the machine), alternated and the median
// taken, and the two rules alone over the whole document. ocr-confusion keeps the paragraphs it
// has read (an edit re-reads only what changed): the cache is cleared before each measure, so
// text read before is no help.
//
//   node scripts/bench/ocr.mjs FILE… [--runs 3]   prints the figures as JSON (index.mjs runs it)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const TWO = ['ocr-confusion', 'mixed-script'];

/** Runs the measures in a process of their own and returns their figures (null when it failed). */
export function benchOcr(files, runs, log = () => undefined) {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...files, '--runs', String(runs)], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0) {
    log(`ocr: ${String(run.stderr).trim().split('\n').pop()}`);
    return null;
  }
  return JSON.parse(run.stdout);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

function cpu(fn) {
  const started = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(started);
  return { value, ms: (used.user + used.system) / 1000 };
}

function measure(files, runs) {
  const require = createRequire(path.join(root, 'package.json'));
  const load = (module) => require(path.join(root, 'server/out', module));
  const { chooseSegmenter } = load('segment/index.js');
  const { readProject } = load('workspace/project.js');
  const { DEFAULT_LINT_CONFIG } = load('core/lint/config.js');
  const { lintDocument } = load('core/lint/lint.js');
  const { RULES, ruleById, ruleContext } = load('core/rules/index.js');
  const { clearCandidateCache } = load('core/rules/ocrConfusion.js');
  const { decodeBytes } = load('core/encoding.js');

  // A file in no project, as the command line reads it.
  const project = readProject(null, { lint: DEFAULT_LINT_CONFIG, glossaries: [] }, chooseSegmenter('auto').segmenter);
  const segmenter = project.segmenter;
  const rss = () => process.memoryUsage().rss;
  let before = rss();
  const lexicon = cpu(() => segmenter.lexicon?.());
  const startup = { lexiconMs: lexicon.ms, lexiconRss: rss() - before };
  before = rss();
  const sample = '经过多年努力，我们己经取得了显著成绩。';
  const first = cpu(() => ruleById('ocr-confusion').check(ruleContext(project.analyze(sample), segmenter, {}, project.glossary)));
  startup.tablesMs = first.ms;
  startup.tablesRss = rss() - before;

  const without = { ...DEFAULT_LINT_CONFIG, rules: Object.fromEntries(TWO.map((id) => [id, 'off'])) };
  const inputs = [];
  for (const file of files) {
    const text = decodeBytes(fs.readFileSync(file)).text;
    const analysis = project.analyze(text);
    const lint = (config) => lintDocument(analysis, segmenter, { config, glossary: project.glossary }).findings;
    // Alternated: the regions keep the findings of the last configuration only, so each run lints
    // every region again.
    const base = [];
    const all = [];
    let findings = 0;
    // One of each first, not counted: the compiler's warm-up is no cost of either.
    lint(without);
    lint(DEFAULT_LINT_CONFIG);
    for (let r = 0; r < runs; r++) {
      base.push(cpu(() => lint(without)).ms);
      clearCandidateCache();
      const withThem = cpu(() => lint(DEFAULT_LINT_CONFIG));
      all.push(withThem.ms);
      findings = withThem.value.filter((f) => TWO.includes(f.rule)).length;
    }
    const context = ruleContext(analysis, segmenter, {}, project.glossary);
    const alone = [];
    for (let r = 0; r < runs; r++) {
      clearCandidateCache();
      alone.push(cpu(() => TWO.flatMap((id) => ruleById(id).check(context))).ms);
    }
    inputs.push({ file, chars: text.length, baseMs: median(base), withMs: median(all), aloneMs: median(alone), findings });
  }
  return { startup, inputs, rules: RULES.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--runs');
  const runs = at >= 0 ? Number(args[at + 1]) : 3;
  const files = args.filter((a, i) => a !== '--runs' && (at < 0 || i !== at + 1));
  process.stdout.write(JSON.stringify(measure(files, runs)) + '\n');
}

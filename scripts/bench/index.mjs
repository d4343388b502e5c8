#!/usr/bin/env node
// The performance figures of Corpus Lens, measured in one run next to the linters people use
// now, and written to docs/PERFORMANCE.md with --write-docs (npm run bench: the full run, which
// writes them). Run on the built server (npm run build first).
//
//   node scripts/bench/index.mjs [--corpora DIR] [--sizes 1,10,50] [--runs 3] [--quick] [--write-docs] [--help]
//
// --quick measures 1 MB once, to see that all runs; it never writes docs/PERFORMANCE.md, even
// with --write-docs, so that a quick run on a busy machine cannot replace the published figures.
// --corpora DIR is the folder that holds thucnews-dev.tsv (default ../shared/corpora); without it
// only the seeds are measured, and the bench says so.
//
// Inputs are built in a temporary folder: the seeds repeated to each size, and (when the
// corpora folder holds THUCNews) 10 MB of its sentences shuffled into new articles. The peers
// (AutoCorrect, zhlint) are installed into .cache/ on first use. Every figure is the median of
// --runs runs; the tools are run in turn, so that a busy machine weighs on all alike.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshText, seedsText, sizeOf, tempFolder, writeInput } from './corpus.mjs';
import { PEERS, installPeers, peerVersion } from './peers.mjs';
import { benchServer } from './lsp.mjs';
import { benchSegmenters } from './segmenters.mjs';
import { benchOcr } from './ocr.mjs';
import { performanceReport } from './report.mjs';
import { benchOptions, seedsInputName, usageOf } from './options.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const options = benchOptions(process.argv.slice(2), root);
if (options.help) {
  process.stdout.write(usageOf(fileURLToPath(import.meta.url)));
  process.exit(0);
}
const { quick, writeDocs, corpora, sizes, runs } = options;
/** zhlint needs minutes for 10 MB: it is run on the sizes up to this one. */
const ZHLINT_MAX_MB = options.zhlintMaxMb;
const log = (line) => process.stderr.write(line + '\n');
for (const note of options.notes) log(note);

const cli = path.join(root, 'server', 'out', 'cli.js');
if (!fs.existsSync(cli)) {
  log('server/out/cli.js is missing: run npm run build first');
  process.exit(2);
}
const peersFolder = installPeers(path.join(root, '.cache'), log);
const folder = tempFolder();
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};

/** One whole process: its wall time and peak RSS; stdout goes nowhere (the tools' JSON is written all the same). */
function timeProcess(argv, timeoutMs) {
  const rssFile = path.join(folder, `rss-${process.pid}`);
  fs.rmSync(rssFile, { force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, ['-r', path.join(here, 'rss-preload.cjs'), ...argv], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: timeoutMs,
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - started;
  if (run.error || (run.status !== 0 && run.status !== 1)) return { ms: null, rss: null, failed: run.error?.code === 'ETIMEDOUT' ? `timed out after ${timeoutMs / 1000} s` : String(run.stderr).trim().split('\n').pop() };
  return { ms, rss: fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : null };
}

const tools = [{ name: 'Corpus Lens', argv: (file) => [cli, 'lint', file, '--format', 'json', '--fail-on', 'none'], maxMb: Infinity }];
if (peersFolder) {
  for (const peer of PEERS) {
    tools.push({ name: peer.name, version: peerVersion(peersFolder, peer.pkg), argv: (file) => [path.join(here, peer.runner), peersFolder, file], maxMb: peer.name === 'zhlint' ? ZHLINT_MAX_MB : Infinity });
  }
}

const inputs = sizes.map((mb) => ({ name: seedsInputName(mb), kind: 'seeds', file: writeInput(folder, `seeds-${mb}mb.txt`, seedsText(root, mb)) }));
const fresh = freshText(corpora, quick ? 1 : 10);
if (fresh) inputs.push({ name: `THUCNews reshuffled, ${quick ? 1 : 10} MB`, kind: 'fresh', file: writeInput(folder, 'thucnews-fresh.txt', fresh) });

const cliRows = [];
for (const input of inputs) {
  const mb = sizeOf(input.file);
  const times = new Map(tools.map((t) => [t.name, { ms: [], rss: [], failed: null }]));
  for (let r = 0; r < runs; r++) {
    for (const tool of tools) {
      const entry = times.get(tool.name);
      if (mb > tool.maxMb + 0.5 || entry.failed) continue;
      log(`cli: ${tool.name} on ${input.name} (run ${r + 1}/${runs})`);
      const result = timeProcess(tool.argv(input.file), 15 * 60 * 1000);
      if (result.ms === null) entry.failed = result.failed;
      else {
        entry.ms.push(result.ms);
        entry.rss.push(result.rss);
      }
    }
  }
  cliRows.push({
    input: input.name,
    mb,
    tools: tools.map((t) => {
      const entry = times.get(t.name);
      const ms = median(entry.ms);
      return { name: t.name, ms: entry.ms.length ? ms : null, mbPerS: entry.ms.length ? mb / (ms / 1000) : null, rss: entry.rss.length ? median(entry.rss) : null, note: entry.failed ?? (mb > t.maxMb + 0.5 ? 'not run (too slow at this size)' : null) };
    }),
  });
}

// A folder of files: one job against worker threads across files (--jobs, default the cores).
const folderRows = [];
const folderSource = inputs.find((i) => i.kind === 'fresh') ?? inputs.find((i) => Math.round(sizeOf(i.file)) === 10) ?? inputs[0];
{
  const parts = fs.readFileSync(folderSource.file, 'utf8').split('\n\n');
  const dir = path.join(folder, 'folder');
  fs.mkdirSync(dir);
  const count = 10;
  for (let k = 0; k < count; k++) fs.writeFileSync(path.join(dir, `part-${k}.txt`), parts.filter((_, i) => i % count === k).join('\n\n'));
  const mb = fs.readdirSync(dir).reduce((n, f) => n + sizeOf(path.join(dir, f)), 0);
  for (const jobs of [1, os.availableParallelism()]) {
    const times = [];
    for (let r = 0; r < runs; r++) {
      log(`cli: Corpus Lens on a folder of ${count} files, --jobs ${jobs} (run ${r + 1}/${runs})`);
      const result = timeProcess([cli, 'lint', dir, '--format', 'json', '--fail-on', 'none', '--jobs', String(jobs)], 15 * 60 * 1000);
      if (result.ms !== null) times.push(result);
    }
    folderRows.push({ input: `${folderSource.name}, as ${count} files`, mb, jobs, ms: median(times.map((t) => t.ms)), rss: median(times.map((t) => t.rss)) });
  }
}

const serverRows = [];
for (const input of inputs) {
  log(`server: ${input.name}`);
  const result = await benchServer(root, input.file, { edits: quick ? 8 : 20 });
  serverRows.push({ input: input.name, mb: sizeOf(input.file), ...result });
}

log('segmenters');
const segmenterInput = inputs.find((i) => i.kind === 'fresh') ?? inputs[0];
const segmenterRows = benchSegmenters(root, segmenterInput.file, (argv) => timeProcess(argv, 15 * 60 * 1000), cli);

log('ocr-confusion and mixed-script');
const ocrInputs = [inputs.find((i) => i.kind === 'seeds' && Math.round(sizeOf(i.file)) === 10) ?? inputs[0], inputs.find((i) => i.kind === 'fresh')].filter(Boolean);
const ocr = benchOcr(ocrInputs.map((i) => i.file), runs, log);
const ocrRows = ocr ? ocr.inputs.map((r, k) => ({ ...r, input: ocrInputs[k].name, mb: sizeOf(ocrInputs[k].file) })) : [];

fs.rmSync(folder, { recursive: true, force: true });
const machine = {
  cpu: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}`,
  memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
  node: process.version,
  os: `${os.type()} ${os.release()}`,
  load: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim() || 'unknown',
  date: new Date().toISOString().slice(0, 10),
  runs,
};
const report = performanceReport({ machine, tools, cliRows, folderRows, serverRows, segmenterRows, segmenterInput: segmenterInput.name, ocrStartup: ocr?.startup ?? null, ocrRows });
process.stdout.write(report.summary + '\n');
if (writeDocs) {
  fs.writeFileSync(path.join(root, 'docs', 'PERFORMANCE.md'), report.markdown);
  log('docs/PERFORMANCE.md written');
}

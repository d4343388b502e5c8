// The segmenter backends side by side: load time, cutting speed on a whole text, and the CLI's
// lint with each (rules segment near seams only, so the backend weighs little on lint).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

export const BACKENDS = ['node-rs-jieba', 'nodejieba', 'intl'];

export function benchSegmenters(root, file, timeProcess, cli) {
  const require = createRequire(path.join(root, 'package.json'));
  const { chooseSegmenter } = require(path.join(root, 'server/out/segment/index.js'));
  const text = fs.readFileSync(file, 'utf8').slice(0, 1_000_000);
  return BACKENDS.map((backend) => {
    const started = performance.now();
    const choice = chooseSegmenter(backend);
    const loadMs = performance.now() - started;
    if (choice.fallbackReason) return { backend, note: choice.fallbackReason };
    choice.segmenter.cut(text.slice(0, 10_000));
    const cutStarted = performance.now();
    choice.segmenter.cut(text);
    const cutMs = performance.now() - cutStarted;
    const lint = timeProcess([cli, 'lint', file, '--format', 'json', '--fail-on', 'none', '--segmenter', backend]);
    return { backend, loadMs, cutCharsPerS: text.length / (cutMs / 1000), lintMs: lint.ms, note: lint.failed ?? null };
  });
}

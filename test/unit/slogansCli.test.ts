/**
 * `corpus-lens slogans`: the contexts of a discovered slogan are its sentence, cut at a clause
 * mark or word boundary with an ellipsis when the sentence is long (never mid-word, never
 * without saying so).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../support/cli';

describe('corpus-lens slogans contexts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-slogans-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const long = '全市上下要认真学习领会会议精神，坚持问题导向和目标导向，聚焦主责主业，'.repeat(3) + '推动“三服务”工作高质量发展，' + '持续推进各项工作落地见效，为全面建设社会主义现代化强市作出更大贡献，'.repeat(3) + '奋力谱写新时代更加出彩的绚丽篇章。';
  fs.writeFileSync(path.join(dir, 'a.txt'), `标题甲 标题乙\n\n${long}\n\n坚持“两结合”。\n`);

  it('cuts a long sentence at clause marks, with ellipses, and keeps a short one whole', () => {
    const result = runCli(['slogans', dir, '--format', 'json'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    const { slogans } = JSON.parse(result.stdout) as { slogans: { term: string; contexts: string[] }[] };
    const [context] = slogans.find((s) => s.term === '三服务')!.contexts;
    assert.match(context, /^…[^，]+，.*“三服务”.*[^，]…$/);
    assert.ok(long.includes(context.slice(1, -1)), 'the context is a piece of the sentence');
    const start = long.indexOf(context.slice(1, -1));
    assert.equal(long[start - 1], '，', 'it starts after a clause mark');
    assert.equal(long[start + context.length - 2], '，', 'it ends before one');
    assert.deepEqual(slogans.find((s) => s.term === '两结合')!.contexts, ['坚持“两结合”。']);
    const text = runCli(['slogans', dir], { cwd: dir }).stdout;
    assert.ok(text.includes(`    ${context}\n`), text);
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { DecodeError, decodeBytes } from '../../server/src/core/encoding';
import { CorpusFile, encodeText, survivesRoundTrip } from '../../server/src/io/files';
import { SEED_001 as SEED_001_PATH, damagedSeed001 } from '../support/damaged';

// “洛阳日报” in GB18030.
const GB18030 = Uint8Array.from([0xc2, 0xe5, 0xd1, 0xf4, 0xc8, 0xd5, 0xb1, 0xa8]);
const SEED_001 = fs.readFileSync(SEED_001_PATH);

const asFile = (bytes: Uint8Array): CorpusFile => ({ ...decodeBytes(bytes), bytes: Buffer.from(bytes) });

describe('decodeBytes', () => {
  it('reads UTF-8 with and without BOM', () => {
    assert.deepEqual(decodeBytes(new TextEncoder().encode('洛阳')), { text: '洛阳', encoding: 'utf-8' });
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('洛阳')]);
    assert.deepEqual(decodeBytes(bom), { text: '洛阳', encoding: 'utf-8-bom' });
  });
  it('keeps a U+FEFF after the BOM as text, in UTF-8 and UTF-16', () => {
    const doubled = Uint8Array.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...new TextEncoder().encode('洛阳')]);
    assert.deepEqual(decodeBytes(doubled), { text: '\ufeff洛阳', encoding: 'utf-8-bom' });
    assert.deepEqual(decodeBytes(Uint8Array.from([0xff, 0xfe, 0xff, 0xfe, 0x1b, 0x6d])), { text: '\ufeff洛', encoding: 'utf-16le' });
    assert.deepEqual(decodeBytes(Uint8Array.from([0xfe, 0xff, 0xfe, 0xff, 0x6d, 0x1b])), { text: '\ufeff洛', encoding: 'utf-16be' });
  });
  it('reads GB18030 when the bytes are not UTF-8', () => {
    assert.deepEqual(decodeBytes(GB18030), { text: '洛阳日报', encoding: 'gb18030' });
    const seed = SEED_001.toString('utf8');
    assert.deepEqual(decodeBytes(iconv.encode(seed, 'gb18030')), { text: seed, encoding: 'gb18030' });
  });
  it('reads UTF-8 with a few invalid bytes as damaged UTF-8, not as GB18030', () => {
    const decoded = decodeBytes(damagedSeed001());
    assert.equal(decoded.encoding, 'utf-8');
    const seed = SEED_001.toString('utf8');
    const at = seed.indexOf('。') + 1;
    assert.equal(decoded.text, seed.slice(0, at) + '\ufffd' + seed.slice(at));
    // A file cut in the middle of its last character.
    assert.deepEqual(decodeBytes(new TextEncoder().encode('洛阳日报').subarray(0, 11)), { text: '洛阳日\ufffd', encoding: 'utf-8' });
  });
  it('reads UTF-16 with a BOM', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, 0x1b, 0x6d, 0x33, 0x96]);
    assert.deepEqual(decodeBytes(bytes), { text: '洛阳', encoding: 'utf-16le' });
  });
  it('refuses binary files with a clear error', () => {
    assert.throws(() => decodeBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), DecodeError);
  });
});

describe('survivesRoundTrip', () => {
  it('holds for clean files in every encoding, a doubled BOM included', () => {
    const text = '标题\r\n\r\n正文，“引语”。€\n';
    for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'] as const) {
      const file = asFile(encodeText(text, encoding));
      assert.equal(file.encoding, encoding);
      assert.ok(survivesRoundTrip(file), encoding);
    }
    assert.ok(survivesRoundTrip(asFile(Buffer.from('\ufeff\ufeff洛阳', 'utf8'))));
  });
  it('fails for damaged UTF-8 and UTF-16', () => {
    assert.equal(survivesRoundTrip(asFile(damagedSeed001())), false);
    assert.equal(survivesRoundTrip(asFile(Uint8Array.from([0xff, 0xfe, 0x1b, 0x6d, 0x33]))), false, 'odd byte count');
    assert.equal(survivesRoundTrip(asFile(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x1b, 0x6d]))), false, 'unpaired surrogate');
  });
  it('fails for GB18030 sequences the encoder writes otherwise (0x80 for €, A3A0)', () => {
    for (const odd of [[0x80], [0xa3, 0xa0]]) {
      const file = asFile(Uint8Array.from([...GB18030, ...odd, ...GB18030]));
      assert.equal(file.encoding, 'gb18030');
      assert.equal(survivesRoundTrip(file), false, odd.map((b) => b.toString(16)).join(''));
    }
  });
});

describe('decodeBytes on short damaged UTF-8 and short GB18030', () => {
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  const HEADLINE = '国庆大会在京举行\n\n中国人民隆重集会，热烈庆祝新中国成立。';
  const PARAGRAPH = '国庆大会在京举行\n\n首都各界群众代表今天上午在人民大会堂隆重集会，热烈庆祝新中国成立，会议号召全国人民团结一心、努力奋斗。';

  it('reads about 100 bytes of Chinese with one bad byte inside a character as UTF-8', () => {
    const bytes = utf8(HEADLINE);
    assert.ok(bytes.length > 80 && bytes.length < 120, String(bytes.length));
    // The 0xFF cuts 隆 in two: its lead byte, the 0xFF and its two continuation bytes are four U+FFFD.
    const at = bytes.indexOf(utf8('隆')) + 1;
    const damaged = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
    const decoded = decodeBytes(damaged);
    assert.equal(decoded.encoding, 'utf-8');
    assert.ok(decoded.text.startsWith('国庆大会在京举行\n'), decoded.text);
    assert.ok(decoded.text.includes('\ufffd'));
  });

  it('reads about 200 bytes with two bad bytes as UTF-8', () => {
    const clean = utf8(PARAGRAPH);
    const a = clean.indexOf(utf8('各')) + 1;
    const b = clean.indexOf(utf8('团')) + 2;
    const bytes = Buffer.concat([clean.subarray(0, a), Buffer.from([0xff]), clean.subarray(a, b), Buffer.from([0xfe]), clean.subarray(b)]);
    assert.ok(bytes.length > 170 && bytes.length < 240, String(bytes.length));
    const decoded = decodeBytes(bytes);
    assert.equal(decoded.encoding, 'utf-8');
    assert.ok(decoded.text.startsWith('国庆大会在京举行\n'), decoded.text);
  });

  it('reads 29 bytes with an encoded surrogate (WTF-8) as UTF-8', () => {
    const bytes = Buffer.concat([utf8('国庆大会在京'), Buffer.from([0xed, 0xa0, 0x80]), utf8('举行大会')]);
    assert.equal(bytes.length, 33);
    const short = Buffer.concat([utf8('国庆大会在'), Buffer.from([0xed, 0xa0, 0x80]), utf8('举行大会\n')]);
    assert.equal(short.length, 31);
    for (const b of [bytes, short, bytes.subarray(0, 29)]) {
      const decoded = decodeBytes(b);
      assert.equal(decoded.encoding, 'utf-8', decoded.text);
      assert.ok(decoded.text.startsWith('国庆大会在'), decoded.text);
    }
  });

  it('still reads every line of a seed in GB18030 as GB18030, one line at a time', () => {
    let lines = 0;
    for (const line of SEED_001.toString('utf8').split('\n')) {
      const bytes = iconv.encode(line, 'gb18030');
      if (!/[^\x00-\x7f]/.test(line)) continue;
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        valid = false;
      }
      if (valid) continue; // bytes that happen to be valid UTF-8 are read as UTF-8, rightly
      assert.deepEqual(decodeBytes(bytes), { text: line, encoding: 'gb18030' }, line);
      lines++;
    }
    assert.ok(lines > 10, String(lines));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DecodeError, decodeBytes } from '../../server/src/core/encoding';

// “洛阳日报” in GB18030.
const GB18030 = Uint8Array.from([0xc2, 0xe5, 0xd1, 0xf4, 0xc8, 0xd5, 0xb1, 0xa8]);

describe('decodeBytes', () => {
  it('reads UTF-8 with and without BOM', () => {
    assert.deepEqual(decodeBytes(new TextEncoder().encode('洛阳')), { text: '洛阳', encoding: 'utf-8' });
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('洛阳')]);
    assert.deepEqual(decodeBytes(bom), { text: '洛阳', encoding: 'utf-8-bom' });
  });
  it('reads GB18030 when the bytes are not UTF-8', () => {
    assert.deepEqual(decodeBytes(GB18030), { text: '洛阳日报', encoding: 'gb18030' });
  });
  it('reads UTF-16 with a BOM', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, 0x1b, 0x6d, 0x33, 0x96]);
    assert.deepEqual(decodeBytes(bytes), { text: '洛阳', encoding: 'utf-16le' });
  });
  it('refuses binary files with a clear error', () => {
    assert.throws(() => decodeBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), DecodeError);
  });
});

/**
 * Where the server takes the user to be looking, for the cap: the client's visible ranges
 * widened by a screen, else the cursor's line with a margin; the diagnostics follow only when
 * what is seen leaves the window they were capped with.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/text';
import { CURSOR_MARGIN, Focus, MIN_MARGIN, visibleLines } from '../../server/src/lsp/features/focus';

const TEXT = Array.from({ length: 1000 }, (_, k) => `第${k}行`).join('\n');
const index = new LineIndex(TEXT);

describe('the focus of the cap', () => {
  it('is nothing until the client says or shows something', () => {
    assert.equal(new Focus(() => undefined).capFocus('file:///a', index), null);
  });

  it('widens visible ranges by their own height (at least MIN_MARGIN lines) each way', () => {
    const focus = new Focus(() => undefined);
    focus.setVisible('file:///a', [{ first: 500, last: 549 }]);
    assert.deepEqual(focus.nearLines('file:///a'), [{ first: 450, last: 599 }]);
    focus.setVisible('file:///a', [{ first: 5, last: 9 }]);
    assert.deepEqual(focus.nearLines('file:///a'), [{ first: 0, last: 9 + MIN_MARGIN }]);
    const cap = focus.capFocus('file:///a', index)!;
    assert.equal(TEXT.slice(cap.seen[0].start, cap.seen[0].end), TEXT.split('\n').slice(5, 10).join('\n'));
  });

  it('takes the cursor when no visible ranges are known, and the visible ranges over it', () => {
    const focus = new Focus(() => undefined);
    focus.noteCursor('file:///a', 300);
    assert.deepEqual(focus.nearLines('file:///a'), [{ first: 300 - CURSOR_MARGIN, last: 300 + CURSOR_MARGIN }]);
    focus.setVisible('file:///a', [{ first: 10, last: 20 }]);
    focus.noteCursor('file:///a', 900);
    assert.deepEqual(focus.seenLines('file:///a'), [{ first: 10, last: 20 }]);
    focus.setVisible('file:///a', []);
    assert.deepEqual(focus.seenLines('file:///a'), [{ first: 900, last: 900 }]);
  });

  it('says the view moved only when what is seen leaves the window the diagnostics were capped with', () => {
    const moved: string[] = [];
    const focus = new Focus((uri) => moved.push(uri));
    focus.setVisible('file:///a', [{ first: 100, last: 139 }]);
    assert.deepEqual(moved, [], 'a document whose diagnostics were not capped needs none');
    // Capped before the client said anything: the first view it sends moves the focus.
    focus.setVisible('file:///a', []);
    assert.equal(focus.capFocus('file:///a', index), null);
    focus.setVisible('file:///a', [{ first: 100, last: 139 }]);
    assert.deepEqual(moved, ['file:///a']);
    focus.capFocus('file:///a', index);
    focus.setVisible('file:///a', [{ first: 110, last: 149 }]);
    focus.setVisible('file:///a', [{ first: 65, last: 104 }]);
    assert.equal(moved.length, 1, 'a little scrolling stays in the window');
    focus.setVisible('file:///a', [{ first: 400, last: 439 }]);
    assert.equal(moved.length, 2);
    // Once all its findings are shown, the view does not matter.
    focus.uncapped('file:///a');
    focus.setVisible('file:///a', [{ first: 900, last: 939 }]);
    assert.equal(moved.length, 2);
    focus.forget('file:///a');
    assert.equal(focus.seenLines('file:///a'), null);
  });

  it('reads the lines of a visibleRanges notification and refuses a malformed one', () => {
    const range = (a: number, b: number) => ({ start: { line: a, character: 3 }, end: { line: b, character: 0 } });
    assert.deepEqual(visibleLines({ uri: 'file:///a', ranges: [range(20, 10)] }), { uri: 'file:///a', ranges: [{ first: 10, last: 20 }] });
    assert.throws(() => visibleLines({ uri: 'file:///a', ranges: 'all' }), /ranges must be a list/);
    assert.throws(() => visibleLines({ uri: 'file:///a', ranges: [{ start: { line: -1, character: 0 }, end: { line: 2, character: 0 } }] }), /whole number/);
    assert.throws(() => visibleLines(null), /must be an object/);
  });
});

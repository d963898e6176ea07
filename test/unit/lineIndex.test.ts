import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/analysis/lineIndex';

test('positions count UTF-16 code units and every kind of line ending', () => {
  const text = 'a😀b\r\nsecond\rthird\nlast';
  const lines = new LineIndex(text);
  assert.equal(lines.lineCount, 4);
  assert.deepEqual(lines.positionAt(text.indexOf('b')), { line: 0, character: 3 });
  assert.deepEqual(lines.positionAt(text.indexOf('second')), { line: 1, character: 0 });
  assert.deepEqual(lines.positionAt(text.indexOf('third')), { line: 2, character: 0 });
  assert.deepEqual(lines.positionAt(text.indexOf('last') + 2), { line: 3, character: 2 });
});

test('offsetAt inverts positionAt and clamps to the line', () => {
  const text = 'one\ntwo\r\nthree';
  const lines = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset++) {
    if (text[offset - 1] === '\r') continue; // between \r and \n is not a position
    assert.equal(lines.offsetAt(lines.positionAt(offset)), offset);
  }
  assert.equal(lines.offsetAt({ line: 0, character: 99 }), 3);
  assert.equal(lines.offsetAt({ line: 9, character: 0 }), text.length);
});

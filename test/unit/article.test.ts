import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findParagraphs, parseArticle } from '../../server/src/analysis/article';

const slices = (text: string) => findParagraphs(text).map((p) => text.slice(p.start, p.end));

test('each line of a block is a paragraph when lines are long or end sentences', () => {
  const text = 'Headline without a stop\nFirst paragraph of the story, which runs on for a while and ends here.\nSecond paragraph.\n\nAfter a blank line.';
  assert.deepEqual(slices(text), ['Headline without a stop', 'First paragraph of the story, which runs on for a while and ends here.', 'Second paragraph.', 'After a blank line.']);
});

test('a hard-wrapped block is one paragraph, even when one of its lines grew long', () => {
  const wrapped = [
    'Consumer prices rose faster than expected in the spring, driven by',
    'the cost of energy and of food, according to the national statistics office, which published the figures on Monday,',
    'while wages barely kept pace with them over the same months of',
    'the year.',
  ].join('\n');
  assert.deepEqual(slices(wrapped), [wrapped]);
});

test('sentences never run across paragraphs and never end in white space', () => {
  const text = 'Caption one\nCaption two\n\nA first sentence. A second one\r\nwith a CRLF break inside a wrapped line that goes on and on for some time, and\r\nends on this line.\n';
  const article = parseArticle({ uri: 'memory:a.txt', text });
  for (const sentence of article.sentences) {
    const paragraph = article.paragraphs[sentence.paragraph];
    assert.ok(paragraph.start <= sentence.start && sentence.end <= paragraph.end);
    assert.equal(text.slice(sentence.start, sentence.end).trim(), text.slice(sentence.start, sentence.end));
  }
  assert.deepEqual(
    article.sentences.map((s) => text.slice(s.start, s.end)),
    ['Caption one', 'Caption two', 'A first sentence.', 'A second one\r\nwith a CRLF break inside a wrapped line that goes on and on for some time, and\r\nends on this line.'],
  );
});

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

test('reparsing after an edit keeps the analysis of the paragraphs before it, and moves the ones after it', () => {
  const paragraphs = ['Officials said on Monday that 40 people were evacuated.', 'The council will meet again in March, its chairman said.', 'Trains ran late across the region.'];
  const earlier = parseArticle({ uri: 'file:///a.txt', text: paragraphs.join('\n\n') });
  const edited = [paragraphs[0], paragraphs[1].replace('again', 'once again'), paragraphs[2]].join('\n\n');
  const reparsed = parseArticle({ uri: 'file:///a.txt', text: edited }, earlier);
  const firstParagraphEnd = paragraphs[0].length;
  const spelled = (article: typeof earlier) => {
    const { tokens } = article;
    const words: string[] = [];
    for (let t = 0; t < tokens.length && tokens.start(t) < firstParagraphEnd; t++) words.push(`${tokens.start(t)}-${tokens.end(t)} ${tokens.value(t)} ${tokens.lemma(t)} ${tokens.pos(t)}`);
    return words;
  };
  assert.deepEqual(spelled(reparsed), spelled(earlier), 'the first paragraph is taken as it was');
  // Taken, not read again: an entity of the unmoved first paragraph ("Monday") is the very object it was.
  assert.equal(reparsed.entities[0], earlier.entities[0]);
  const lastWord = (article: typeof earlier) => {
    let t = 0;
    while (article.tokens.value(t) !== 'region') t++;
    return { start: article.tokens.start(t), end: article.tokens.end(t) };
  };
  assert.equal(lastWord(reparsed).start, lastWord(earlier).start + 'once '.length);
  assert.equal(edited.slice(lastWord(reparsed).start, lastWord(reparsed).end), 'region');
  const { lines: _a, ...fromEarlier } = reparsed;
  const { lines: _b, ...fromScratch } = parseArticle({ uri: 'file:///a.txt', text: edited });
  assert.deepEqual(fromEarlier, fromScratch);
});

test('an article reads the same whatever was read before it', () => {
  const words = (text: string): string[] => {
    const { tokens } = parseArticle({ uri: 'file:///order.txt', text });
    return Array.from({ length: tokens.length }, (_, t) => `${tokens.value(t)}/${tokens.pos(t)}`);
  };
  // Words wink does not know, each first met mid-sentence, then before a full stop, then mid-sentence again.
  for (const word of ["Zorblaxia's", 'Quellmoor-on-Tyne', "Vantreuil's"]) {
    const midSentence = `The ${word} harbour reopened on Monday.`;
    const first = words(midSentence);
    words(`Ministers met in ${word}.`);
    words(`"${word}" was the word.`);
    assert.deepEqual(words(midSentence), first, word);
  }
});

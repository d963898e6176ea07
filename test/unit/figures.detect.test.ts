import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/analysis/article';
import { figureKey, findFigures } from '../../server/src/analysis/figures/findFigures';

function figures(text: string): string[] {
  return findFigures(parseArticle({ uri: 'file:///a.txt', text })).map((f) => f.text);
}

test('counts, money, shares and measures are figures, approximators and units included', () => {
  const text =
    'More than 600 trucks crossed. The war costs $45 million a day. About 17 percent of voters agreed. ' +
    'Officials counted nearly 5 million artillery shells and at least ten missiles. Four thousand members joined. ' +
    'That is the equivalent of 260,000 metric tons of weapons. Prices rose 0.2 percentage points.';
  assert.deepEqual(figures(text), [
    'More than 600 trucks',
    '$45 million a day',
    'About 17 percent',
    'nearly 5 million artillery shells',
    'at least ten missiles',
    'Four thousand members',
    '260,000 metric tons',
    '0.2 percentage points',
  ]);
});

test('fractions, ratios and number words wink does not tag are figures', () => {
  assert.deepEqual(figures('Nearly one in four buses runs late, and two-thirds of riders complain.'), ['Nearly one in four buses', 'two-thirds']);
  assert.deepEqual(figures('Grain makes up about a fifth of port traffic.'), ['about a fifth']);
  assert.deepEqual(figures('Eleven people have been hospitalized.'), ['Eleven people']);
  assert.deepEqual(figures('The stock lost nearly half its value.'), ['nearly half']);
});

test('dates, years, times, ordinals and time spans are not figures', () => {
  const text =
    'Putin arrived on June 19, 2024, his first visit in 24 years and exactly 24 years after his last visit. ' +
    'The 2022 invasion began at 6 a.m. on the 24th. Mensah scored in the 84th minute. Talks lasted three weeks. ' +
    'He moved there two summers ago.';
  assert.deepEqual(figures(text), []);
});

test('the story\'s own actors, numbering, phone numbers, addresses, links and ages are not figures', () => {
  const text = [
    'Kim met Putin.',
    'The two leaders talked, and the city\'s four library branches stay open.',
    '1 of 3',
    'Photo 2 of 6: the new platform.',
    '1. It adds stations',
    'Call the office at 555-0142 or (555) 123-4567, or dial 311.',
    'The meeting is at City Hall, 200 Main Street.',
    'https://x.com/VivekSi85847001/status/1802981237256269954',
    'Mensah, 24, joined from Flight 370 fame; children under 5 are at risk.',
  ].join('\n');
  assert.deepEqual(figures(text), []);
});

test('multipliers and changes by a fraction are figures; compounds naming a kind and list titles are not', () => {
  assert.deepEqual(figures('Hay now costs nearly twice what it did, and tickets sell for about triple the price. Its budget shrank by a third.'), ['nearly twice', 'about triple', 'a third']);
  assert.deepEqual(figures('Practice runs twice a week, and prices may double.'), []);
  assert.deepEqual(figures('Three-point shooting decided a two-party race.'), []);
  assert.deepEqual(figures('Five things to watch in the final\n\nThe final is on Sunday.'), []);
  assert.deepEqual(figures('Weather\n\nFive people watched the final.'), ['Five people']);
});

test('a small count without a definite article is still a figure', () => {
  assert.deepEqual(figures('Two people were hurt and the carrier diverted two vessels.'), ['Two people', 'two vessels']);
});

test('the same figure worded differently shares one key; different units do not', () => {
  const [a] = findFigures(parseArticle({ uri: 'a', text: 'They tracked approximately 10,000 shipping containers.' }));
  const [b] = findFigures(parseArticle({ uri: 'b', text: 'Russia received more than 10,000 shipping containers.' }));
  const [c] = findFigures(parseArticle({ uri: 'c', text: 'Russia received 10,000 tanks.' }));
  assert.equal(figureKey(a), figureKey(b));
  assert.notEqual(figureKey(a), figureKey(c));
  const [pct1] = findFigures(parseArticle({ uri: 'd', text: 'Sales rose 17%.' }));
  const [pct2] = findFigures(parseArticle({ uri: 'e', text: 'Sales rose 17 per cent.' }));
  assert.equal(figureKey(pct1), figureKey(pct2));
  const [m1] = findFigures(parseArticle({ uri: 'f', text: 'It lost $2.3 million.' }));
  const [m2] = findFigures(parseArticle({ uri: 'g', text: 'It lost $2,300,000.' }));
  assert.equal(figureKey(m1), figureKey(m2));
});

test('spans are exact offsets into the text, also after astral characters and CRLF line ends', () => {
  const text = 'Headline 😀\r\n\r\nMore than 600 trucks crossed.\r\n';
  const [figure] = findFigures(parseArticle({ uri: 'a', text }));
  assert.equal(text.slice(figure.span.start, figure.span.end), 'More than 600 trucks');
});

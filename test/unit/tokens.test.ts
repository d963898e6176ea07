import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseArticle, type Article } from '../../server/src/analysis/article';
import model from 'wink-eng-lite-web-model';
import { POS_TAGS, TOKEN_TYPES, TokensBuilder, type Tokens } from '../../server/src/analysis/tokens';
import { fixtureArticles } from '../robustness/harness';

type Row = [start: number, end: number, value: string, normal: string, lemma: string, type: string, pos: string, stopWord: boolean];

const rows: Row[] = [
  [0, 3, 'The', 'the', 'the', 'word', 'DET', true],
  [4, 9, 'ferry', 'ferry', 'ferry', 'word', 'NOUN', false],
  [10, 15, 'sails', 'sails', 'sail', 'word', 'VERB', false],
  [15, 16, '.', '.', '.', 'punctuation', 'PUNCT', false],
  [17, 20, 'The', 'the', 'the', 'word', 'DET', true],
  [21, 27, 'ferries', 'ferries', 'ferry', 'word', 'NOUN', false],
];

function build(list: readonly Row[], shift = 0): Tokens {
  const builder = new TokensBuilder();
  for (const [start, end, ...rest] of list) builder.add(start + shift, end + shift, ...rest);
  return builder.build();
}

function rowsOf(tokens: Tokens): Row[] {
  return Array.from({ length: tokens.length }, (_, t): Row => [tokens.start(t), tokens.end(t), tokens.value(t), tokens.normal(t), tokens.lemma(t), tokens.type(t), tokens.pos(t), tokens.stopWord(t)]);
}

test('tokens read back as they were added, each distinct word string kept once', () => {
  const tokens = build(rows);
  assert.deepEqual(rowsOf(tokens), rows);
  // Six numbers a token: type, tag and flags share one.
  assert.equal(tokens.fields.byteLength / tokens.length, 24);
  assert.equal(new Set(tokens.strings).size, tokens.strings.length);
  assert.deepEqual([...tokens.strings].sort(), [...new Set(rows.flatMap(([, , value, normal, lemma]) => [value, normal, lemma]))].sort());
});

test('every token type and tag of the wink model can be stored, and nothing else is taken', () => {
  const features = (model as unknown as { core(): { features: Record<'tokenType' | 'pos', { list: string[] }> } }).core().features;
  assert.deepEqual([...TOKEN_TYPES], features.tokenType.list);
  assert.deepEqual([...POS_TAGS], features.pos.list);
  const every = build(TOKEN_TYPES.flatMap((type, i) => POS_TAGS.map((pos, j): Row => [i, j, type, pos, 'x', type, pos, (i + j) % 2 === 0])));
  assert.deepEqual(rowsOf(every).map(([, , , , , type, pos, stopWord]) => [type, pos, stopWord]), TOKEN_TYPES.flatMap((type, i) => POS_TAGS.map((pos, j) => [type, pos, (i + j) % 2 === 0])));
  assert.throws(() => build([[0, 1, 'x', 'x', 'x', 'word', 'NOUNISH', false]]), /NOUNISH/);
});

test('tokens taken from earlier ones and moved equal the same tokens added afresh, string table included', () => {
  const earlier = build(rows);
  // A new first token, then the earlier ones from the second on, five characters further on: strings the
  // new token brought ("the") and strings first met in the copied ones must be numbered as a fresh build would.
  const builder = new TokensBuilder();
  builder.add(0, 4, 'Then', 'then', 'then', 'word', 'ADV', true);
  builder.add(5, 8, 'the', 'the', 'the', 'word', 'DET', true);
  builder.addFrom(earlier, 1, earlier.length, 5);
  const fresh = build([[0, 4, 'Then', 'then', 'then', 'word', 'ADV', true], [5, 8, 'the', 'the', 'the', 'word', 'DET', true], ...rows.slice(1).map(([start, end, ...rest]): Row => [start + 5, end + 5, ...rest])]);
  assert.deepEqual(builder.build(), fresh);
});

test('tokens copied from the start of earlier ones, then read afresh, then copied again equal a fresh build', () => {
  const earlier = build(rows);
  const builder = new TokensBuilder();
  // The first sentence copied in two steps, a new word, then the rest moved on by it.
  builder.addFrom(earlier, 0, 2, 0);
  builder.addFrom(earlier, 2, 4, 0);
  builder.add(17, 20, 'Now', 'now', 'now', 'word', 'ADV', true);
  builder.addFrom(earlier, 4, earlier.length, 4);
  const moved = rows.slice(4).map(([start, end, ...rest]): Row => [start + 4, end + 4, ...rest]);
  assert.deepEqual(builder.build(), build([...rows.slice(0, 4), [17, 20, 'Now', 'now', 'now', 'word', 'ADV', true], ...moved]));
  // Copied whole and moved: the same table, every position shifted.
  const whole = new TokensBuilder();
  whole.addFrom(earlier, 0, earlier.length, 3);
  assert.deepEqual(whole.build(), build(rows, 3));
});

/** Bytes of heap and array buffers that stay in use, after full collections. */
function retained(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

test('a parsed article keeps its analysis in memory at a small multiple of its text', () => {
  const texts = fixtureArticles().map((file) => readFileSync(file, 'utf8'));
  const parseAll = (): Article[] => texts.map((text, i) => parseArticle({ uri: `file:///${i}.txt`, text }));
  // Once first: wink keeps the words it meets, which is no cost of the articles.
  parseAll();
  const measure = (): number => {
    const before = retained();
    const articles = parseAll();
    const after = retained();
    assert.equal(articles.length, texts.length);
    return after - before;
  };
  const characters = texts.reduce((sum, text) => sum + text.length, 0);
  // About 10 to 12 bytes per character; an object per token took 24.
  const perCharacter = Math.min(measure(), measure()) / characters;
  assert.ok(perCharacter < 16, `${perCharacter.toFixed(1)} bytes per character of text`);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from '../../server/src/analysis/corpus';
import { parseArticle } from '../../server/src/analysis/article';
import { FigureDetector } from '../../server/src/analysis/figures/figureDetector';
import type { Finding } from '../../server/src/analysis/types';

const SOURCED_A = 'file:///a.txt';
const SOURCED_B = 'file:///b.txt';
const UNSOURCED = 'file:///c.txt';
const UNRELATED = 'file:///d.txt';

const TEXT_A =
  'Arms shipments\n\nAccording to a US declaration in February, Russia has received more than 10,000 shipping containers from North Korea since September.';
const TEXT_B =
  "Arms shipments\n\nSouth Korea's Defense Minister Shin Won-sik said last week the country has tracked approximately 10,000 shipping containers being transferred from North Korea to Russia.";
const TEXT_C = 'Pyongyang visit\n\nNorth Korea has sent some 10,000 shipping containers of munitions to Russia since September.';
const TEXT_D = 'Port news\n\nThe harbour in Lisbon handled 10,000 shipping containers during the festival weekend.';

function unsourced(corpus: Corpus, uri: string): Finding[] {
  return corpus.findings(uri).filter((f) => f.code === 'unsourced-figure');
}

test('an unsourced figure lists where other articles credit the same figure, with their source and sentence', () => {
  const corpus = new Corpus([new FigureDetector()]);
  corpus.upsert({ uri: SOURCED_A, text: TEXT_A });
  corpus.upsert({ uri: SOURCED_B, text: TEXT_B });
  corpus.upsert({ uri: UNSOURCED, text: TEXT_C });
  assert.deepEqual(unsourced(corpus, SOURCED_A), [], 'a sourced figure is not flagged');
  const [finding] = unsourced(corpus, UNSOURCED);
  assert.equal(finding.text, 'some 10,000 shipping containers');
  assert.match(finding.message, /^Unsourced figure "some 10,000 shipping containers": no one in the sentence is credited for it/);
  assert.equal(finding.data?.kind, 'unsourced-figure');
  const citations = finding.data?.kind === 'unsourced-figure' ? finding.data.citations : [];
  assert.deepEqual(
    citations.map((c) => [c.uri, c.source]),
    [
      [SOURCED_A, 'a US declaration in February'],
      [SOURCED_B, "South Korea's Defense Minister Shin Won-sik"],
    ],
  );
  const a = corpus.get(SOURCED_A)!;
  assert.equal(a.text.slice(citations[0].span.start, citations[0].span.end), citations[0].text);
  assert.ok(citations[0].text.includes('more than 10,000 shipping containers'));
});

test('the same number in an unrelated story is not offered as a source', () => {
  const corpus = new Corpus([new FigureDetector()]);
  corpus.upsert({ uri: SOURCED_A, text: TEXT_A });
  corpus.upsert({ uri: UNRELATED, text: TEXT_D });
  const [finding] = unsourced(corpus, UNRELATED);
  assert.equal(finding.text, '10,000 shipping containers');
  assert.deepEqual(finding.data?.kind === 'unsourced-figure' ? finding.data.citations : undefined, []);
});

test('adding, changing and removing a sourced article updates the articles that cite it', () => {
  const corpus = new Corpus([new FigureDetector()]);
  corpus.upsert({ uri: UNSOURCED, text: TEXT_C });
  corpus.upsert({ uri: UNRELATED, text: TEXT_D });
  const citationsOf = (uri: string): string[] => unsourced(corpus, uri).flatMap((f) => (f.data?.kind === 'unsourced-figure' ? f.data.citations.map((c) => c.uri) : []));
  assert.deepEqual(citationsOf(UNSOURCED), []);

  const affected = corpus.upsert({ uri: SOURCED_A, text: TEXT_A });
  assert.ok(affected.has(UNSOURCED), 'the article with the same unsourced figure must be re-checked');
  assert.ok(affected.has(UNRELATED), 'dependents are found by figure key; the context check happens in findings');
  assert.deepEqual(citationsOf(UNSOURCED), [SOURCED_A]);

  const edited = corpus.upsert({ uri: SOURCED_A, text: TEXT_A.replace('10,000', '12,000') });
  assert.ok(edited.has(UNSOURCED), 'the article that cited the old wording must be re-checked');
  assert.deepEqual(citationsOf(UNSOURCED), []);

  corpus.upsert({ uri: SOURCED_A, text: TEXT_A });
  assert.ok(corpus.remove(SOURCED_A).has(UNSOURCED));
  assert.deepEqual(citationsOf(UNSOURCED), []);
});

test('dependents name only articles holding an unsourced figure with a shared key', () => {
  const detector = new FigureDetector();
  const a = parseArticle({ uri: SOURCED_A, text: TEXT_A });
  const b = parseArticle({ uri: SOURCED_B, text: TEXT_B });
  const c = parseArticle({ uri: UNSOURCED, text: TEXT_C });
  for (const article of [a, b, c]) detector.add(article);
  assert.deepEqual([...detector.dependents(a)], [UNSOURCED]);
  assert.deepEqual([...detector.dependents(c)], [], 'an unsourced figure changes no other article');
});

test('the citations offered are the same whatever the order the articles arrived in', () => {
  const crediting = ['a', 'b', 'e', 'f', 'g'].map((name, i) => ({ uri: `file:///${name}.txt`, text: i % 2 === 0 ? TEXT_A : TEXT_B }));
  const citationsAfter = (order: typeof crediting) => {
    const corpus = new Corpus([new FigureDetector()]);
    for (const source of order) corpus.upsert(source);
    corpus.upsert({ uri: UNSOURCED, text: TEXT_C });
    const [finding] = unsourced(corpus, UNSOURCED);
    return finding.data?.kind === 'unsourced-figure' ? finding.data.citations.map((c) => c.uri) : [];
  };
  const forward = citationsAfter(crediting);
  assert.equal(forward.length, 3, 'more articles credit the figure than are offered');
  assert.deepEqual(citationsAfter([...crediting].reverse()), forward);
});

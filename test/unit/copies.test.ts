import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../../server/src/analysis/article';
import { Corpus } from '../../server/src/analysis/corpus';
import { CopyDetector } from '../../server/src/analysis/copies/copyDetector';
import type { CopyDetectorOptions } from '../../server/src/analysis/copies/options';
import { passageUnits } from '../../server/src/analysis/copies/passageUnits';
import { TermIndex, wordAt } from '../../server/src/analysis/copies/termIndex';
import { overlaps } from '../../server/src/analysis/spans';
import type { ArticleSource, Finding } from '../../server/src/analysis/types';

const REPO = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'copies');
const SEEDS = path.join(REPO, 'seeds');

const fixture = (name: string): ArticleSource => ({ uri: `file:///fixtures/${name}`, text: readFileSync(path.join(FIXTURES, name), 'utf8') });
const allFixtures = (): ArticleSource[] =>
  readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map(fixture);

function corpusOf(sources: ArticleSource[], options: Partial<CopyDetectorOptions> = {}): Corpus {
  const corpus = new Corpus([new CopyDetector(options)]);
  for (const source of sources) corpus.upsert(source);
  return corpus;
}

const copies = (corpus: Corpus, uri: string): Finding[] => corpus.findings(uri).filter((f) => f.code === 'copied-passage');
const relatedTo = (finding: Finding, uri: string): boolean => finding.related.some((r) => r.uri === uri);

const ORIGINAL = `Bridge closed after barge strike

GLENHAVEN — The Old Mill bridge over the River Tarn was closed to all traffic on Sunday after a grain barge struck one of its stone piers in fast water.

Inspectors from the county highways department found a long crack running through the base of the pier and ordered the bridge shut while divers examine the riverbed around it.

The barge's owner said the vessel had lost steering as it passed under the central arch, and that nobody on board was hurt.

Local businesses said the closure would add half an hour to deliveries between the two halves of the town.`;

const LIFT = `Glenhaven Daily | Traffic

Drivers face long detours this week as one of the town's busiest crossings stays shut.

Inspectors from the county highways department found a long crack running through the base of the pier and ordered the bridge shut while divers examine the riverbed around it.

A temporary footbridge may be installed if the repairs take longer than a month, councillors said at an evening meeting.`;

test('a paragraph lifted word for word is one verbatim finding in each file, each pointing at the other', () => {
  const original = { uri: 'file:///news/original.txt', text: ORIGINAL };
  const lift = { uri: 'file:///news/lift.txt', text: LIFT };
  const corpus = corpusOf([original, lift]);
  const paragraph = 'Inspectors from the county highways department found a long crack running through the base of the pier and ordered the bridge shut while divers examine the riverbed around it.';

  const [inLift, ...moreInLift] = copies(corpus, lift.uri);
  assert.equal(moreInLift.length, 0);
  assert.equal(inLift.text, paragraph);
  assert.equal(inLift.severity, 'warning');
  assert.deepEqual(inLift.data, { kind: 'copied-passage', copyKind: 'verbatim', similarity: 1 });
  assert.equal(inLift.message, 'Verbatim passage (similarity 1.00), also in original.txt');
  assert.equal(inLift.related.length, 1);
  assert.equal(inLift.related[0].uri, original.uri);
  assert.equal(inLift.related[0].text, paragraph);
  assert.equal(original.text.slice(inLift.related[0].span.start, inLift.related[0].span.end), paragraph);

  const [inOriginal, ...moreInOriginal] = copies(corpus, original.uri);
  assert.equal(moreInOriginal.length, 0);
  assert.equal(inOriginal.text, paragraph);
  assert.ok(relatedTo(inOriginal, lift.uri));
});

test('a sentence-by-sentence rewrite is reported as reworded, linked to the passage it rewrites', () => {
  const original = fixture('court-original.txt');
  const rewrite = fixture('court-rewrite.txt');
  const corpus = corpusOf([original, rewrite, fixture('court-independent.txt'), fixture('unrelated-library.txt')]);
  const found = copies(corpus, rewrite.uri).filter((f) => relatedTo(f, original.uri));
  assert.ok(found.length > 0, 'the rewrite is linked to the original');
  assert.ok(found.some((f) => f.data?.kind === 'copied-passage' && f.data.copyKind === 'reworded'));
  assert.ok(found.some((f) => f.text.includes('signed off on over 300 bills')), 'the reworded account of the invoices is covered');
  const message = found.find((f) => f.data?.kind === 'copied-passage' && f.data.copyKind === 'reworded')!.message;
  assert.match(message, /^Reworded passage \(similarity 0\.\d\d\), also in court-original\.txt$/);
});

test('the wording classes an article creates share one array, each reading back its unit', () => {
  const index = new TermIndex();
  const originalUnits = passageUnits(parseArticle({ uri: 'file:///original.txt', text: ORIGINAL }));
  const original = index.add(originalUnits, 0).classes;
  assert.equal(new Set(original.map((cls) => cls.data)).size, 1);
  original.forEach((cls, i) => assert.equal(cls.wordCount, originalUnits[i].wording.words.length));

  const liftUnits = passageUnits(parseArticle({ uri: 'file:///lift.txt', text: LIFT }));
  const lift = index.add(liftUnits, 1).classes;
  const shared = lift.filter((cls) => original.includes(cls));
  assert.equal(shared.length, 1, 'the lifted sentence is filed under the class of the original one');
  const created = lift.filter((cls) => !original.includes(cls));
  assert.equal(new Set(created.map((cls) => cls.data)).size, 1);
  assert.ok(!created.some((cls) => cls.data === original[0].data), 'only the new wordings make a new array');
  // Equal words, equal ids: "the" reads back the same from a new class of each article.
  const idOfThe = (units: typeof liftUnits, classes: typeof lift): number => {
    const i = units.findIndex((unit, k) => unit.wording.words.includes('the') && (classes === original || !original.includes(classes[k])));
    return wordAt(classes[i], units[i].wording.words.indexOf('the'));
  };
  assert.equal(idOfThe(liftUnits, lift), idOfThe(originalUnits, original));
});

test('independent reports of the same event, sharing names, figures and an official quote, are not flagged', () => {
  const corpus = corpusOf([fixture('dam-wire-original.txt'), fixture('dam-independent-radio.txt'), fixture('dam-independent-national.txt')]);
  for (const name of ['dam-independent-radio.txt', 'dam-independent-national.txt']) {
    assert.deepEqual(copies(corpus, fixture(name).uri), [], `${name} has no copied passage`);
  }
  const court = corpusOf([fixture('court-original.txt'), fixture('court-independent.txt')]);
  assert.deepEqual(copies(court, fixture('court-independent.txt').uri), []);
});

test('the same quote of an official in two articles is not a copied passage', () => {
  const quote = '"We will have the bridge open again before the first frost, whatever it costs," the minister said in a statement on Monday evening.';
  const first = { uri: 'file:///news/a.txt', text: `Repairs to the Old Mill bridge will start next week.\n\n${quote}\n\nEngineers expect the work to take six weeks.` };
  const second = { uri: 'file:///news/b.txt', text: `Glenhaven traders welcomed the promise of a quick repair.\n\n${quote}\n\nThe chamber of commerce had warned of lost trade.` };
  const corpus = corpusOf([first, second]);
  assert.deepEqual(copies(corpus, first.uri), []);
  assert.deepEqual(copies(corpus, second.uri), []);
});

test('a block repeated inside one article is a repeated passage; short lines are not', () => {
  const caption = 'Divers from the county highways department inspect the damaged pier of the Old Mill bridge.';
  const text = `${ORIGINAL}\n\n${caption}\n\nShare this story\n\nMore on the closure below.\n\n${caption}\n\nShare this story`;
  const article = { uri: 'file:///news/captions.txt', text };
  const corpus = corpusOf([article]);
  const repeated = corpus.findings(article.uri).filter((f) => f.code === 'repeated-passage');
  assert.equal(repeated.length, 2);
  for (const finding of repeated) {
    assert.equal(finding.text, caption);
    assert.equal(finding.severity, 'information');
    assert.deepEqual(finding.data, { kind: 'repeated-passage', occurrences: 2 });
    assert.equal(finding.related.length, 1);
    assert.equal(finding.related[0].uri, article.uri);
    assert.equal(finding.related[0].text, caption);
    assert.notEqual(finding.related[0].span.start, finding.span.start);
  }
  assert.deepEqual(copies(corpus, article.uri), [], 'repeats inside one file are not copies from elsewhere');
});

test('adding, replacing and removing articles one by one gives the findings of a corpus built from scratch', () => {
  const sources = allFixtures();
  const fromScratch = corpusOf(sources);

  const incremental = new Corpus([new CopyDetector()]);
  for (const source of [...sources].reverse()) incremental.upsert(source);
  const extra = { uri: 'file:///fixtures/extra.txt', text: `${fixture('dam-wire-original.txt').text}\n\nMore to follow.` };
  incremental.upsert(extra);
  const rewrite = sources.find((s) => s.uri.endsWith('court-rewrite.txt'))!;
  incremental.upsert({ uri: rewrite.uri, text: 'Nothing here resembles any other article in this folder at all.' });
  incremental.upsert(rewrite);
  incremental.remove(extra.uri);

  for (const { uri } of sources) assert.deepEqual(incremental.findings(uri), fromScratch.findings(uri), uri);
});

test('dependents are the articles that share a passage with the given one', () => {
  const sources = allFixtures();
  const detector = new CopyDetector();
  const corpus = new Corpus([detector]);
  for (const source of sources) corpus.upsert(source);
  const original = corpus.get(fixture('dam-wire-original.txt').uri)!;
  const dependents = new Set(detector.dependents(original));
  for (const name of ['dam-verbatim-lift.txt', 'dam-light-edit.txt', 'dam-rewrite.txt', 'dam-partial-copy.txt']) assert.ok(dependents.has(fixture(name).uri), name);
  for (const name of ['dam-independent-radio.txt', 'dam-independent-national.txt', 'unrelated-library.txt', 'court-original.txt']) assert.ok(!dependents.has(fixture(name).uri), name);
  assert.ok(!dependents.has(original.uri));

  const affected = corpus.remove(fixture('dam-verbatim-lift.txt').uri);
  assert.ok(affected.has(original.uri), 'removing a copy re-checks its source');
});

test('every copied passage is reported on both sides', () => {
  const corpus = corpusOf(allFixtures());
  for (const uri of corpus.uris()) {
    for (const finding of copies(corpus, uri)) {
      for (const related of finding.related) {
        const back = copies(corpus, related.uri).filter((f) => overlaps(f.span, related.span) && f.related.some((r) => r.uri === uri && overlaps(r.span, finding.span)));
        assert.ok(back.length > 0, `${related.uri} reports the passage shared with ${uri}`);
      }
    }
  }
});

test('the minimum length and similarity settings narrow what is reported', () => {
  const original = { uri: 'file:///news/original.txt', text: ORIGINAL };
  const lift = { uri: 'file:///news/lift.txt', text: LIFT };
  assert.equal(copies(corpusOf([original, lift], { minWords: 40 }), lift.uri).length, 0, 'a 30-word passage is under a 40-word minimum');
  assert.equal(copies(corpusOf([original, lift], { minWords: 20 }), lift.uri).length, 1);

  const court = [fixture('court-original.txt'), fixture('court-rewrite.txt')];
  assert.ok(copies(corpusOf(court), court[1].uri).length > 0);
  assert.equal(copies(corpusOf(court, { similarityThreshold: 0.95 }), court[1].uri).length, 0, 'reworded passages fall under a near-verbatim threshold');
  assert.equal(copies(corpusOf([original, lift], { similarityThreshold: 0.95 }), lift.uri).length, 1, 'verbatim passages stay');
});

test('seeds: the reworded article is linked to its source, the independent ones to nothing', () => {
  const seeds = readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ uri: `file:///seeds/${name}`, text: readFileSync(path.join(SEEDS, name), 'utf8') }));
  const [s000, s001, , s003, s004] = seeds.map((s) => s.uri);
  const corpus = corpusOf(seeds);
  const reworded = copies(corpus, s000).filter((f) => relatedTo(f, s001));
  assert.ok(reworded.length > 0);
  assert.ok(reworded.every((f) => f.data?.kind === 'copied-passage' && f.data.copyKind === 'reworded'));
  assert.ok(copies(corpus, s001).some((f) => relatedTo(f, s000)));
  assert.deepEqual(copies(corpus, s003), []);
  assert.deepEqual(copies(corpus, s004), []);
  assert.ok(corpus.findings(s003).some((f) => f.code === 'repeated-passage'), 'the repeated photo caption');
});

test('findings quote exactly the text under their spans', () => {
  const corpus = corpusOf(allFixtures());
  const texts = new Map(allFixtures().map((s) => [s.uri, s.text]));
  for (const uri of corpus.uris()) {
    for (const finding of corpus.findings(uri)) {
      assert.equal(finding.text, texts.get(uri)!.slice(finding.span.start, finding.span.end));
      for (const r of finding.related) assert.equal(r.text, texts.get(r.uri)!.slice(r.span.start, r.span.end));
    }
  }
});

test('an article that was never added has no findings', () => {
  const detector = new CopyDetector();
  const article = parseArticle({ uri: 'file:///news/alone.txt', text: ORIGINAL });
  assert.deepEqual(detector.findings(article), []);
  assert.deepEqual([...detector.dependents(article)], []);
});

test('an article of more sentences than fit in 16 bits still links its lifted paragraph to the right article', () => {
  const lines = { uri: 'file:///news/lines.txt', text: `${'A.\n\n'.repeat(70_000)}${LIFT}` };
  const original = { uri: 'file:///news/original.txt', text: ORIGINAL };
  const bystander = { uri: 'file:///news/bystander.txt', text: 'Roadworks close the high street until Friday.\n\nThe market moves to the car park for the week.' };
  const corpus = corpusOf([lines, original, bystander]);
  const paragraph = 'Inspectors from the county highways department found a long crack running through the base of the pier and ordered the bridge shut while divers examine the riverbed around it.';
  const [inLines, ...more] = copies(corpus, lines.uri);
  assert.equal(more.length, 0);
  assert.equal(inLines.text, paragraph);
  assert.deepEqual(
    inLines.related.map((r) => r.uri),
    [original.uri],
  );
  const inOriginal = copies(corpus, original.uri);
  assert.equal(inOriginal.length, 1);
  assert.equal(inOriginal[0].related[0].uri, lines.uri);
  assert.equal(inOriginal[0].related[0].text, paragraph);
  assert.deepEqual(copies(corpus, bystander.uri), []);
});

test('typing into an article that shares passages gives, after every keystroke, the findings of a fresh corpus', () => {
  const sources = allFixtures();
  const typed = sources.find((s) => s.uri.endsWith('dam-light-edit.txt'))!;
  const live = corpusOf(sources);
  let cursor = typed.text.indexOf('\n\n', typed.text.length / 2);
  let text = typed.text;
  for (const letter of ' spillway') {
    text = text.slice(0, cursor) + letter + text.slice(cursor++);
    live.upsert({ uri: typed.uri, text });
    const fresh = corpusOf(sources.map((s) => (s.uri === typed.uri ? { uri: s.uri, text } : s)));
    for (const { uri } of sources) assert.deepEqual(live.findings(uri), fresh.findings(uri), `${uri} after typing "${letter}"`);
  }
});

test('an edit that gathers words scattered over an article into one copied sentence is found by the article it copies', () => {
  // The words only move inside the edited article, so no word's weight changes: what reveals the copy to
  // the other article is the new wording among its candidates.
  const source = { uri: 'file:///news/source.txt', text: 'Engineers reinforced the crumbling harbour wall before winter storms battered the coastline.\n\nThe town council met on Monday.' };
  const words = ['engineers', 'reinforced', 'crumbling', 'harbour', 'wall', 'winter', 'storms', 'battered', 'coastline'];
  const scattered = words.map((word, i) => `Item ${i + 1} mentions ${word} once.`).join('\n\n');
  const gathered = ['Engineers reinforced a crumbling harbour wall before winter storms battered the coastline.', ...words.slice(1).map((_, i) => `Item ${i + 1} mentions once.`)].join('\n\n');
  const editor = { uri: 'file:///news/editor.txt', text: scattered };
  const live = corpusOf([source, editor]);
  assert.deepEqual(copies(live, source.uri), []);
  live.upsert({ uri: editor.uri, text: gathered });
  const fresh = corpusOf([source, { uri: editor.uri, text: gathered }]);
  assert.equal(copies(fresh, source.uri).length, 1, 'the gathered sentence copies the source');
  assert.deepEqual(copies(live, source.uri), copies(fresh, source.uri));
});

test('a sentence shared with an article just removed, then written twice, is reported as repeated', () => {
  // The edited article takes over the removed one's sentences, so every wording keeps as many units as
  // before: only where the edited article uses them tells that its matches changed.
  const sentence = 'Inspectors found a long crack running through the base of the pier and ordered the bridge shut.';
  const other = { uri: 'file:///news/other.txt', text: `${sentence}\n\nThe market moves to the car park.` };
  const edited = { uri: 'file:///news/edited.txt', text: `${sentence}\n\nRoadworks close the high street until Friday.` };
  const live = corpusOf([other, edited]);
  assert.equal(copies(live, edited.uri).length, 1);
  live.remove(other.uri);
  const twice = { uri: edited.uri, text: `${edited.text}\n\n${other.text}` };
  live.upsert(twice);
  const repeated = live.findings(edited.uri).filter((f) => f.code === 'repeated-passage');
  assert.equal(repeated.length, 2);
  assert.deepEqual(live.findings(edited.uri), corpusOf([twice]).findings(edited.uri));
});

test('a lightly edited copy made verbatim is then reported as verbatim by the article it copies', () => {
  // The edit changes no word's weight, only which wording has the copy's unit.
  const original = { uri: 'file:///news/original.txt', text: 'Inspectors found a long crack running through the base of the pier and ordered the bridge shut.\n\nThe market moves to the car park.' };
  const copy = { uri: 'file:///news/copy.txt', text: 'Inspectors found the long crack running through the base of the pier and ordered the bridge shut.\n\nRoadworks close the high street.' };
  const live = corpusOf([original, copy]);
  const kinds = (corpus: Corpus): string[] => copies(corpus, original.uri).map((f) => (f.data?.kind === 'copied-passage' ? f.data.copyKind : ''));
  assert.deepEqual(kinds(live), ['near-verbatim']);
  const verbatim = { uri: copy.uri, text: copy.text.replace('found the', 'found a') };
  live.upsert(verbatim);
  const fresh = corpusOf([original, verbatim]);
  assert.deepEqual(kinds(fresh), ['verbatim']);
  assert.deepEqual(live.findings(original.uri), fresh.findings(original.uri));
});

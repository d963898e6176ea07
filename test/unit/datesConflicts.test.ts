import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from '../../server/src/analysis/corpus';
import { createCorpus } from '../../server/src/analysis';
import { parseArticle } from '../../server/src/analysis/article';
import { DateDetector } from '../../server/src/analysis/dates/dateDetector';
import type { Finding } from '../../server/src/analysis/types';
import { loadSeedArticles } from '../fixtures/dates/labels';

function corpus(): { corpus: Corpus; detector: DateDetector } {
  const detector = new DateDetector();
  return { corpus: new Corpus([detector]), detector };
}

function dated(corpusOf: Corpus): (uri: string) => Finding[] {
  return (uri) => corpusOf.findings(uri).filter((f) => f.code === 'conflicting-date');
}

const STRIKE_MONDAY = 'Wednesday, March 5, 2025\n\nPort shut\n\nDockworkers at the Port of Kessling walked off the job on Monday, halting traffic.';
const STRIKE_MONDAY_TOO = 'March 6, 2025\n\nPort still shut\n\nDockworkers at the Port of Kessling began their strike on Monday after talks broke down.';
const STRIKE_SUNDAY = 'Posted March 4, 2025\n\nPort shut by strike\n\nWorkers at the Port of Kessling went on strike on Sunday, closing all terminals.';

test('conflicts: relative dates that agree across different datelines raise nothing', () => {
  const { corpus: c } = corpus();
  c.upsert({ uri: 'file:///wed.txt', text: 'Wednesday, March 19, 2025\n\nEnvoy in Velmora\n\nForeign Minister Aino Rask arrived in Velmora yesterday for talks.' });
  c.upsert({ uri: 'file:///thu.txt', text: 'Thursday, March 20, 2025\n\nTalks go on\n\nForeign Minister Aino Rask arrived in Velmora on Tuesday for talks.' });
  c.upsert({ uri: 'file:///wed2.txt', text: 'Wednesday, March 19, 2025\n\nRask in Velmora\n\nAino Rask touched down in Velmora on Tuesday.' });
  for (const uri of ['file:///wed.txt', 'file:///thu.txt', 'file:///wed2.txt']) assert.deepEqual(dated(c)(uri), []);
});

test('conflicts: the odd date out across articles is flagged, with the others and the datelines related', () => {
  const { corpus: c } = corpus();
  c.upsert({ uri: 'file:///a.txt', text: STRIKE_MONDAY });
  c.upsert({ uri: 'file:///b.txt', text: STRIKE_MONDAY_TOO });
  c.upsert({ uri: 'file:///c.txt', text: STRIKE_SUNDAY });
  assert.deepEqual(dated(c)('file:///a.txt'), []);
  assert.deepEqual(dated(c)('file:///b.txt'), []);
  const [finding, ...rest] = dated(c)('file:///c.txt');
  assert.equal(rest.length, 0);
  assert.equal(finding.text, 'on Sunday');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /"on Sunday" dates the strike to Sun 2 March 2025, but 2 other mentions date it Mon 3 March 2025/);
  const related = finding.related.map((r) => `${r.uri.split('/').pop()}:${r.text}`);
  assert.ok(related.includes('a.txt:on Monday') && related.includes('b.txt:on Monday'), related.join(', '));
  assert.ok(related.includes('c.txt:March 4, 2025'), 'the dateline used is related');
  assert.equal(finding.data?.kind, 'conflicting-date');
  if (finding.data?.kind === 'conflicting-date') {
    assert.equal(finding.data.resolved, 'Sun 2 March 2025');
    assert.match(finding.data.explanation, /from the dateline 'March 4, 2025'/);
  }
});

test('conflicts: within one article, an evenly split account flags both dates', () => {
  const { corpus: c } = corpus();
  const text = 'Wednesday, March 5, 2025\n\nPort shut\n\nThe strike at the Port of Kessling began on Monday. The walkout, which started on Sunday, has closed every terminal.';
  c.upsert({ uri: 'file:///one.txt', text });
  assert.deepEqual(dated(c)('file:///one.txt').map((f) => f.text), ['on Monday', 'on Sunday']);
});

test('conflicts: a month against a day conflicts; a year containing the day does not', () => {
  const { corpus: c } = corpus();
  c.upsert({ uri: 'file:///day.txt', text: 'Wednesday, June 19, 2024\n\nLeader in Pyongyang\n\nPutin arrived in Pyongyang early Wednesday.' });
  c.upsert({ uri: 'file:///year.txt', text: 'Background\n\nIn 2000, Putin paid his final trip to Pyongyang. Precisely 24 years after his previous visit to Pyongyang, Putin touched down in Pyongyang.' });
  assert.deepEqual(dated(c)('file:///year.txt'), []);
  c.upsert({ uri: 'file:///month.txt', text: 'Wednesday, June 19, 2024\n\nHistoric trip\n\nThe recent visit of Putin to Pyongyang was hailed. The visit, which took place in April, was a success.' });
  assert.deepEqual(dated(c)('file:///month.txt').map((f) => f.text), ['in April']);
  assert.equal(dated(c)('file:///day.txt').length, 1, 'one against one, and the year backs neither');
  c.upsert({ uri: 'file:///day2.txt', text: 'Thursday, June 20, 2024\n\nLeader in Pyongyang\n\nVladimir Putin arrived in Pyongyang on Wednesday.' });
  assert.deepEqual(dated(c)('file:///month.txt').map((f) => f.text), ['in April']);
  assert.deepEqual(dated(c)('file:///day.txt'), []);
});

test('conflicts: the previous visit and this one, or visits to other places, are different events', () => {
  const { corpus: c } = corpus();
  c.upsert({ uri: 'file:///now.txt', text: 'Wednesday, June 19, 2024\n\nLeader in Pyongyang\n\nPutin arrived in Pyongyang on Wednesday, 24 years after his last visit. Putin last visited Pyongyang in 2000.' });
  c.upsert({ uri: 'file:///hanoi.txt', text: 'Thursday, June 20, 2024\n\nLeader in Hanoi\n\nPutin arrived in Hanoi on Thursday after leaving North Korea.' });
  c.upsert({ uri: 'file:///other.txt', text: 'Thursday, June 20, 2024\n\nMinister in Pyongyang\n\nSergei Lavrov arrived in Pyongyang on Monday to prepare the talks.' });
  for (const uri of ['file:///now.txt', 'file:///hanoi.txt', 'file:///other.txt']) assert.deepEqual(dated(c)(uri), [], uri);
});

test('conflicts: a headline in the present tense dates the story to its dateline', () => {
  const { corpus: c } = corpus();
  c.upsert({ uri: 'file:///h.txt', text: 'Wednesday, June 19, 2024\n\nPutin arrives in Pyongyang for talks with Kim\n\nThe recent visit of Putin to Pyongyang was hailed. The visit, which took place in April, was a success.' });
  const [finding] = dated(c)('file:///h.txt');
  assert.equal(finding?.text, 'in April');
  assert.match(finding.message, /its own headline/);
});

test('incremental: adding and removing articles updates findings and dependents', () => {
  const { corpus: c, detector } = corpus();
  c.upsert({ uri: 'file:///a.txt', text: STRIKE_MONDAY });
  c.upsert({ uri: 'file:///c.txt', text: STRIKE_SUNDAY });
  assert.equal(dated(c)('file:///a.txt').length, 1, 'one against one: both flagged');
  assert.equal(dated(c)('file:///c.txt').length, 1);
  const affected = c.upsert({ uri: 'file:///b.txt', text: STRIKE_MONDAY_TOO });
  assert.ok(affected.has('file:///a.txt') && affected.has('file:///c.txt'), 'both earlier articles share the event');
  assert.equal(dated(c)('file:///a.txt').length, 0, 'two against one: the majority is not flagged');
  assert.equal(dated(c)('file:///c.txt').length, 1);
  assert.deepEqual([...c.remove('file:///b.txt')].sort(), ['file:///a.txt', 'file:///c.txt']);
  assert.equal(dated(c)('file:///a.txt').length, 1);
  c.upsert({ uri: 'file:///c.txt', text: STRIKE_SUNDAY.replace('on Sunday', 'on Monday') });
  assert.deepEqual([dated(c)('file:///a.txt').length, dated(c)('file:///c.txt').length], [0, 0]);
  c.remove('file:///c.txt');
  assert.deepEqual([...detector.dependents(parseArticle({ uri: 'file:///a.txt', text: STRIKE_MONDAY }))], []);
});

test('seeds: only the visit "in April" of 004 is flagged, against the other articles and its dateline', () => {
  const c = createCorpus();
  const seeds = loadSeedArticles();
  for (const seed of seeds) c.upsert({ uri: seed.uri, text: seed.text });
  const flagged = seeds.flatMap((seed) => dated(c)(seed.uri).map((f) => ({ name: seed.name, finding: f })));
  assert.deepEqual(flagged.map((f) => `${f.name}:${f.finding.text}`), ['004_8a15b43b3049fb90:in April']);
  const related = flagged[0].finding.related;
  assert.ok(related.some((r) => r.uri.endsWith('003_3c9537aa37a348f1.txt') && r.text === 'early Wednesday'));
  assert.ok(related.some((r) => r.uri.endsWith('004_8a15b43b3049fb90.txt') && r.text === 'Wednesday, June 19, 2024'));
});

test('conflicts: a date of the whole event before its start, or a start and an end in their order', () => {
  const { corpus: c } = corpus();
  c.upsert({ uri: 'file:///arrived.txt', text: 'Thursday, March 20, 2025\n\nEnvoy in Velmora\n\nForeign Minister Aino Rask arrived in Velmora on Tuesday for talks.' });
  c.upsert({ uri: 'file:///strike.txt', text: 'Friday, March 7, 2025\n\nPort reopens\n\nThe strike at the Port of Kessling began on Monday and ended on Thursday.' });
  assert.deepEqual(dated(c)('file:///strike.txt'), [], 'the end three days after the start');
  assert.deepEqual(dated(c)('file:///arrived.txt'), []);
  c.upsert({ uri: 'file:///visited.txt', text: 'Thursday, March 20, 2025\n\nEnvoy in Velmora\n\nAino Rask visited Velmora on Monday.' });
  assert.deepEqual(dated(c)('file:///visited.txt').map((f) => f.text), ['on Monday'], 'a visit on the day before the arrival');
});

test('conflicts: a fire is known by the names of where it struck, and burns from its start on', () => {
  const { corpus: c } = corpus();
  c.upsert({ uri: 'file:///radio.txt', text: 'Tuesday, September 24, 2024\n\nSmoke over Tarnby\n\nResidents were told to stay indoors after a fire at the Holm sawmill in Tarnby on Friday night destroyed its drying shed.' });
  c.upsert({ uri: 'file:///gazette.txt', text: 'Monday, September 23, 2024\n\nSawmill fire\n\nThe fire broke out on Saturday evening in the drying shed of the Holm sawmill in Tarnby.' });
  assert.deepEqual(dated(c)('file:///radio.txt').map((f) => f.text), ['on Friday night'], 'one account against another: both are flagged');
  assert.deepEqual(dated(c)('file:///gazette.txt').map((f) => f.text), ['on Saturday evening']);
  c.upsert({ uri: 'file:///review.txt', text: 'Monday, September 30, 2024\n\nQuestions after the Tarnby fire\n\nThe blaze at the Holm sawmill in Tarnby started on September 21 and burned through the night.' });
  assert.deepEqual(dated(c)('file:///radio.txt').map((f) => f.text), ['on Friday night']);
  assert.deepEqual(dated(c)('file:///gazette.txt'), [], 'two accounts of the start against one of the fire before it');
  assert.deepEqual(dated(c)('file:///review.txt'), []);
});

test('conflicts: two accounts that share no name back each other against a third that shares one with each', () => {
  const { corpus: c } = corpus();
  c.upsert({ uri: 'file:///street.txt', text: 'Thursday, June 4, 2026\n\nFamilies speak out\n\nFamilies who lived in the Corven Street block that partly collapsed on Tuesday night say they warned the landlord.' });
  c.upsert({ uri: 'file:///town.txt', text: 'Wednesday, June 3, 2026\n\nBlock falls in Tarnby\n\nPart of an apartment block collapsed in Tarnby late on Tuesday, injuring six people.' });
  assert.deepEqual(dated(c)('file:///street.txt'), []);
  c.upsert({ uri: 'file:///both.txt', text: 'Friday, June 5, 2026\n\nInquiry into Tarnby collapse\n\nThe block on Corven Street collapsed in Tarnby at 10pm on Monday, the city said.' });
  assert.deepEqual(dated(c)('file:///both.txt').map((f) => f.text), ['at 10pm on Monday']);
  assert.deepEqual(dated(c)('file:///street.txt'), [], 'backed by the account that names the town');
  assert.deepEqual(dated(c)('file:///town.txt'), [], 'backed by the account that names the street');
});

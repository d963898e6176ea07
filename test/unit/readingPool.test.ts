import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseArticle, readText, type Article } from '../../server/src/analysis/article';
import { compactReading, expandReading } from '../../server/src/analysis/compactReading';
import * as figureFinder from '../../server/src/analysis/figures/findFigures';
import { analyseStandalone } from '../../server/src/analysis/standaloneAnalyses';
import { MIN_ARTICLES_FOR_THREADS, ReadingPool } from '../../server/src/parsing/readingPool';
import { fixtureArticles } from '../robustness/harness';

const texts = fixtureArticles().map((file) => readFileSync(file, 'utf8'));
const sources = texts.map((text, i) => ({ uri: `file:///article-${i}.txt`, text }));

test('a reading packed for another thread unpacks to the same reading', () => {
  for (const text of [...texts, '', 'One line.', 'Ünïcödé 😀 text\r\nwith “quotes” and 3,000 people on Monday.']) {
    const reading = readText(text);
    assert.deepEqual(expandReading(compactReading(reading)), reading);
  }
});

test('articles read in other threads, with their dates and figures, are read exactly as on this one, and reading goes on when the threads are gone', async (t) => {
  assert.equal(ReadingPool.forArticles(MIN_ARTICLES_FOR_THREADS - 1, assert.fail), undefined, 'a few articles are not worth a thread');
  const pool = ReadingPool.forArticles(texts.length + MIN_ARTICLES_FOR_THREADS, assert.fail);
  if (!pool) return t.skip('a machine with one core has no thread to spare');
  try {
    // As many at a time as the threads queue, so that the main thread reads none.
    const articles: Article[] = [];
    for (let i = 0; i < sources.length; i += pool.capacity - 1) articles.push(...(await Promise.all(sources.slice(i, i + pool.capacity - 1).map((source) => pool.read(source)))));
    // The thread's figures are taken over: asking for them finds no figure on this thread.
    let found = 0;
    const figures = figureFinder as { findFigures: (article: Article) => unknown };
    const find = figures.findFigures;
    figures.findFigures = (article) => (found++, find(article));
    try {
      articles.forEach((article) => analyseStandalone(article));
      assert.equal(found, 0, 'figures were worked out again on this thread');
      analyseStandalone(parseArticle(sources[0]));
      assert.equal(found, 1, 'the count sees figures worked out here');
    } finally {
      figures.findFigures = find;
    }
    let adopted = 0;
    articles.forEach((article, i) => {
      const here = parseArticle(sources[i]);
      assert.deepEqual(article, here);
      // The analyses the thread made, taken over by the article, equal those made here.
      const fromThread = analyseStandalone(article);
      const madeHere = analyseStandalone(here);
      assert.deepEqual(fromThread, madeHere);
      // Taken over rather than worked out again: an event's family is then a copy posted by the thread,
      // not this thread's own lexicon entry.
      const event = fromThread.dates.mentions.findIndex((m) => m.event);
      if (event >= 0) {
        assert.notEqual(fromThread.dates.mentions[event].event!.family, madeHere.dates.mentions[event].event!.family);
        adopted++;
      }
    });
    assert.ok(adopted > 0, 'some article names a dated event');
    assert.equal(pool.readInThreads, texts.length, 'every text was read by a thread, none handed back');
    assert.equal(pool.readHere, 0);
    // With more in flight than the threads queue, the main thread reads the rest, the same way.
    const all = await Promise.all(sources.map((source) => pool.read(source)));
    assert.ok(pool.readHere > 0, 'the main thread read some');
    assert.equal(pool.readInThreads + pool.readHere, 2 * texts.length);
    all.forEach((article, i) => assert.deepEqual(analyseStandalone(article), analyseStandalone(articles[i])));
    // Texts a thread holds when it goes are read here instead, not lost.
    const held = sources.slice(0, pool.capacity - 1).map((source) => pool.read(source));
    await pool.close();
    (await Promise.all(held)).forEach((article, i) => assert.deepEqual(article, parseArticle(sources[i])));
  } finally {
    await pool.close();
  }
  assert.deepEqual(await pool.read(sources[0]), parseArticle(sources[0]));
});

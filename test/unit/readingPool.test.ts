import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readText } from '../../server/src/analysis/article';
import { compactReading, expandReading } from '../../server/src/analysis/compactReading';
import { MIN_ARTICLES_FOR_THREADS, ReadingPool } from '../../server/src/parsing/readingPool';
import { fixtureArticles } from '../robustness/harness';

const texts = fixtureArticles().map((file) => readFileSync(file, 'utf8'));

test('a reading packed for another thread unpacks to the same reading', () => {
  for (const text of [...texts, '', 'One line.', 'Ünïcödé 😀 text\r\nwith “quotes” and 3,000 people on Monday.']) {
    const reading = readText(text);
    assert.deepEqual(expandReading(compactReading(reading)), reading);
  }
});

test('articles read in other threads are read exactly as on this one, and reading goes on when the threads are gone', async (t) => {
  assert.equal(ReadingPool.forArticles(MIN_ARTICLES_FOR_THREADS - 1, assert.fail), undefined, 'a few articles are not worth a thread');
  const pool = ReadingPool.forArticles(texts.length + MIN_ARTICLES_FOR_THREADS, assert.fail);
  if (!pool) return t.skip('a machine with one core has no thread to spare');
  try {
    const readings = await Promise.all(texts.map((text) => pool.read(text)));
    readings.forEach((reading, i) => assert.deepEqual(reading, readText(texts[i])));
    assert.equal(pool.readInThreads, texts.length, 'every text was read by a thread, none handed back');
  } finally {
    await pool.close();
  }
  assert.deepEqual(await pool.read(texts[0]), readText(texts[0]));
});

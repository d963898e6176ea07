/**
 * Over random small workspaces of news-like text (figures, dates, quotations, line breaks of every kind,
 * other scripts and emoji): analysis never throws, every finding lies inside its document with `text`
 * equal to the slice at its span, and the same texts give the same findings whatever the order they
 * were added in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createCorpus } from '../../server/src/analysis';
import type { Finding } from '../../server/src/analysis/types';
import { checkFindingTexts, fixtureArticles } from '../robustness/harness';
import { newsText, workspaceTexts } from './arbitraries';

const uriOf = (i: number): string => `file:///workspace/article-${i}.txt`;

function analyse(texts: string[], order: number[]): Map<string, Finding[]> {
  const corpus = createCorpus();
  for (const i of order) corpus.upsert({ uri: uriOf(i), text: texts[i] });
  return new Map(texts.map((_, i) => [uriOf(i), corpus.findings(uriOf(i))]));
}

test('one article: no exception, every span inside the text, every finding text the slice at its span', () => {
  fc.assert(
    fc.property(newsText, (text) => {
      const findings = analyse([text], [0]).get(uriOf(0))!;
      checkFindingTexts(findings, (uri) => (uri === uriOf(0) ? text : undefined));
    }),
    { numRuns: 150 },
  );
});

test('a workspace: spans and texts hold across articles, and findings do not depend on the order articles arrive in', () => {
  fc.assert(
    fc.property(workspaceTexts(2, 4), fc.boolean(), (texts, reverse) => {
      const forward = texts.map((_, i) => i);
      const first = analyse(texts, forward);
      const byUri = new Map(texts.map((text, i) => [uriOf(i), text]));
      checkFindingTexts([...first.values()].flat(), (uri) => byUri.get(uri));
      const again = analyse(texts, reverse ? [...forward].reverse() : forward);
      assert.deepEqual(again, first);
    }),
    { numRuns: 80 },
  );
});

test('the fixture articles give the same findings, messages and related passages in whichever order they arrive', () => {
  const texts = fixtureArticles().map((file) => readFileSync(file, 'utf8'));
  const forward = texts.map((_, i) => i);
  assert.deepEqual(analyse(texts, [...forward].reverse()), analyse(texts, forward));
});

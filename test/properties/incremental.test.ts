/**
 * Typing into a workspace: after any sequence of edits, each followed by an update of the corpus (as the
 * server does after a keystroke), every article's findings equal those of a fresh analysis of the final
 * texts. A detector whose incremental indexes drift would show here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createCorpus, parseArticle } from '../../server/src/analysis';
import type { Corpus } from '../../server/src/analysis/corpus';
import { applyEdit, edit, workspaceTexts, type Edit } from './arbitraries';

const uriOf = (i: number): string => `file:///workspace/article-${i}.txt`;

function corpusOf(texts: readonly string[]): Corpus {
  const corpus = createCorpus();
  texts.forEach((text, i) => corpus.upsert({ uri: uriOf(i), text }));
  return corpus;
}

/** Applies the edit to its article's text and gives the corpus the new text, as a keystroke does. */
function type(live: Corpus, texts: string[], e: Edit): void {
  const i = e.article % texts.length;
  texts[i] = applyEdit(texts[i], e);
  live.upsert({ uri: uriOf(i), text: texts[i] });
}

function assertAsFresh(live: Corpus, texts: readonly string[]): void {
  const fresh = corpusOf(texts);
  for (let i = 0; i < texts.length; i++) assert.deepEqual(live.findings(uriOf(i)), fresh.findings(uriOf(i)), `findings of article ${i}`);
}

test('findings after edits equal a from-scratch analysis of the final texts', () => {
  fc.assert(
    fc.property(workspaceTexts(2, 4), fc.array(edit, { minLength: 1, maxLength: 12 }), fc.nat(), (initial, edits, removeAt) => {
      const texts = [...initial];
      const live = corpusOf(texts);
      for (const e of edits) type(live, texts, e);
      // Closing one article and opening it again is an edit too.
      const reopened = removeAt % texts.length;
      live.remove(uriOf(reopened));
      live.upsert({ uri: uriOf(reopened), text: texts[reopened] });
      assertAsFresh(live, texts);
    }),
    { numRuns: 100 },
  );
});

test('findings after each edit equal a from-scratch analysis of the texts as they are then', () => {
  // What a detector keeps between edits (matches of unchanged wordings, weights of unchanged terms) is
  // read on the next edit: a stale part would show before the last edit happens to refresh it.
  fc.assert(
    fc.property(workspaceTexts(2, 4), fc.array(edit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
      const texts = [...initial];
      const live = corpusOf(texts);
      for (const e of edits) {
        type(live, texts, e);
        assertAsFresh(live, texts);
      }
    }),
    { numRuns: 60 },
  );
});

test('an article parsed from an earlier version of itself equals one parsed from scratch', () => {
  const fresh = (text: string) => {
    const { lines: _lines, ...rest } = parseArticle({ uri: uriOf(0), text });
    return rest;
  };
  fc.assert(
    fc.property(workspaceTexts(1, 1), fc.array(edit, { minLength: 1, maxLength: 8 }), ([initial], edits) => {
      let text = initial;
      let earlier = parseArticle({ uri: uriOf(0), text });
      for (const e of edits) {
        text = applyEdit(text, e);
        const { lines: _lines, ...reparsed } = parseArticle({ uri: uriOf(0), text }, earlier);
        assert.deepEqual(reparsed, fresh(text));
        earlier = parseArticle({ uri: uriOf(0), text }, earlier);
      }
    }),
    { numRuns: 200 },
  );
});

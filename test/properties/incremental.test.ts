/**
 * Typing into a workspace: after any sequence of edits, each followed by an update of the corpus (as the
 * server does after a keystroke), every article's findings equal those of a fresh analysis of the final
 * texts. A detector whose incremental indexes drift would show here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createCorpus, parseArticle } from '../../server/src/analysis';
import { applyEdit, edit, workspaceTexts } from './arbitraries';

const uriOf = (i: number): string => `file:///workspace/article-${i}.txt`;

test('findings after edits equal a from-scratch analysis of the final texts', () => {
  fc.assert(
    fc.property(workspaceTexts(2, 4), fc.array(edit, { minLength: 1, maxLength: 12 }), fc.nat(), (initial, edits, removeAt) => {
      const texts = [...initial];
      const live = createCorpus();
      texts.forEach((text, i) => live.upsert({ uri: uriOf(i), text }));
      for (const e of edits) {
        const i = e.article % texts.length;
        texts[i] = applyEdit(texts[i], e);
        live.upsert({ uri: uriOf(i), text: texts[i] });
      }
      // Closing one article and opening it again is an edit too.
      const reopened = removeAt % texts.length;
      live.remove(uriOf(reopened));
      live.upsert({ uri: uriOf(reopened), text: texts[reopened] });

      const fresh = createCorpus();
      texts.forEach((text, i) => fresh.upsert({ uri: uriOf(i), text }));
      for (let i = 0; i < texts.length; i++) assert.deepEqual(live.findings(uriOf(i)), fresh.findings(uriOf(i)), `findings of article ${i}`);
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
      const live = createCorpus();
      texts.forEach((text, i) => live.upsert({ uri: uriOf(i), text }));
      for (const e of edits) {
        const i = e.article % texts.length;
        texts[i] = applyEdit(texts[i], e);
        live.upsert({ uri: uriOf(i), text: texts[i] });
        const fresh = createCorpus();
        texts.forEach((text, k) => fresh.upsert({ uri: uriOf(k), text }));
        for (let k = 0; k < texts.length; k++) assert.deepEqual(live.findings(uriOf(k)), fresh.findings(uriOf(k)), `findings of article ${k}`);
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

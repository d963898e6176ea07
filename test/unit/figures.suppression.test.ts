import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { Corpus } from '../../server/src/analysis/corpus';
import { FigureDetector } from '../../server/src/analysis/figures/figureDetector';
import { MarkedSourced, markedSourcedKey } from '../../server/src/analysis/figures/markedSourced';
import { addSourcedEntry, isSourcedFile, readSourcedEntries, sourcedFilePath } from '../../server/src/files/sourcedFile';
import { SharedSourcedMarks } from '../../server/src/lsp/suppressions';

const SENTENCE = 'More than 600 trucks crossed the border on Monday.';
const TEXT = `Border\n\nTraffic was heavy.\n\n${SENTENCE}\n\nThe crossing reopened later.`;

test('the key ignores spacing, quote style and case, but not the figure or the sentence\'s words', () => {
  const key = markedSourcedKey(SENTENCE, 'More than 600 trucks');
  assert.match(key, /^[0-9a-f]{20}$/);
  assert.equal(markedSourcedKey('More  than 600 trucks crossed the\nborder on Monday.', 'more than 600 trucks'), key);
  assert.equal(markedSourcedKey('He said “600 trucks” crossed.', '600 trucks'), markedSourcedKey('He said "600 trucks" crossed.', '600 trucks'));
  assert.notEqual(markedSourcedKey(SENTENCE, '600 trucks'), key);
  assert.notEqual(markedSourcedKey(SENTENCE.replace('Monday', 'Tuesday'), 'More than 600 trucks'), key);
});

test('a marked figure is not flagged, survives edits elsewhere, and returns when its sentence is reworded', () => {
  const uri = 'file:///a.txt';
  const marked = new MarkedSourced();
  const corpus = new Corpus([new FigureDetector(marked)]);
  corpus.upsert({ uri, text: TEXT });
  const [finding] = corpus.findings(uri);
  assert.equal(finding?.text, 'More than 600 trucks');
  const key = finding.data?.kind === 'unsourced-figure' ? finding.data.markKey : '';
  assert.equal(key, markedSourcedKey(SENTENCE, 'More than 600 trucks'));

  assert.deepEqual([...marked.replace([key])], [uri], 'marking names the article whose findings change');
  assert.deepEqual(corpus.findings(uri), []);

  corpus.upsert({ uri, text: TEXT.replace('Traffic was heavy.', 'Traffic was heavy all weekend, with long queues.') });
  assert.deepEqual(corpus.findings(uri), [], 'an edit in another paragraph keeps the mark');

  corpus.upsert({ uri, text: TEXT.replace('on Monday', 'on Sunday') });
  assert.equal(corpus.findings(uri).length, 1, 'rewording the sentence retires the mark');

  corpus.upsert({ uri, text: TEXT });
  assert.deepEqual([...marked.replace([])], [uri]);
  assert.equal(corpus.findings(uri).length, 1, 'unmarking brings the finding back');
  corpus.remove(uri);
  assert.deepEqual([...marked.replace([key])], [], 'a removed article is no longer tracked');
});

test('the shared file is written atomically, sorted, without duplicates, and a broken file is left alone', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'provenance-marks-'));
  try {
    assert.deepEqual(await readSourcedEntries(folder), []);
    await addSourcedEntry(folder, { key: 'bbb', figure: '600 trucks', sentence: 'More than  600 trucks\ncrossed.' });
    await Promise.all([
      addSourcedEntry(folder, { key: 'aaa', figure: '17 percent', sentence: 'Sales rose 17 percent.' }),
      addSourcedEntry(folder, { key: 'bbb', figure: '600 trucks', sentence: 'More than 600 trucks crossed.' }),
    ]);
    const file = sourcedFilePath(folder);
    assert.ok(isSourcedFile(file));
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { version: number; sourced: Array<{ key: string; sentence: string }> };
    assert.equal(saved.version, 1);
    assert.deepEqual(saved.sourced.map((e) => e.key), ['aaa', 'bbb']);
    assert.equal(saved.sourced[1].sentence, 'More than 600 trucks crossed.');
    assert.deepEqual(readdirSync(path.dirname(file)), ['sourced.json'], 'no temporary file is left behind');

    writeFileSync(file, '<<<<<<< HEAD\n{}\n=======\n');
    await assert.rejects(addSourcedEntry(folder, { key: 'ccc', figure: 'x', sentence: 'y' }));
    assert.equal(readFileSync(file, 'utf8'), '<<<<<<< HEAD\n{}\n=======\n');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the server\'s marks follow the files of the workspace folders', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'provenance-shared-'));
  try {
    const uri = URI.file(path.join(folder, 'a.txt')).toString();
    const marked = new MarkedSourced();
    const corpus = new Corpus([new FigureDetector(marked)]);
    const shared = new SharedSourcedMarks(marked);
    shared.setFolders([URI.file(folder).toString()]);
    corpus.upsert({ uri, text: TEXT });
    const [finding] = corpus.findings(uri);
    const key = finding.data?.kind === 'unsourced-figure' ? finding.data.markKey : '';

    const affected = await shared.add({ uri, key, figure: finding.text, sentence: SENTENCE });
    assert.deepEqual([...affected], [uri]);
    assert.deepEqual(corpus.findings(uri), []);

    // A teammate's commit removes the mark: reloading the file brings the warning back.
    mkdirSync(path.join(folder, '.provenance'), { recursive: true });
    writeFileSync(sourcedFilePath(folder), JSON.stringify({ version: 1, sourced: [] }));
    const reloaded = await shared.reload();
    assert.deepEqual(reloaded.problems, []);
    assert.deepEqual([...reloaded.affected], [uri]);
    assert.equal(corpus.findings(uri).length, 1);

    writeFileSync(sourcedFilePath(folder), 'not json');
    const broken = await shared.reload();
    assert.equal(broken.problems.length, 1);
    assert.deepEqual([...broken.affected], [], 'an unreadable file keeps the marks last read');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { createCorpus } from '../../server/src/analysis';
import type { FoundFiles } from '../../server/src/files/findArticleFiles';
import { heapCheckWithin } from '../../server/src/heapRoom';
import { WorkspaceIndex, type IndexListener } from '../../server/src/workspaceIndex';

const quietListener: IndexListener = { changed: () => undefined, problem: () => undefined, warning: () => undefined, alert: () => undefined, progress: () => undefined };
const ARTICLE = 'LONDON, March 3 (Reuters) - The council approved the budget on Tuesday after a long debate.\n';

test('a file the watcher reports while the scan lists the folders is kept, though the listing predates it', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'provenance-index-'));
  try {
    const [kept, before, after] = ['a.txt', 'b.txt', 'c.txt'].map((name) => path.join(dir, name));
    await fs.writeFile(kept, ARTICLE);
    await fs.writeFile(before, ARTICLE.replace('budget', 'plan'));
    let releaseListing!: (found: FoundFiles) => void;
    const listing = new Promise<FoundFiles>((resolve) => (releaseListing = resolve));
    const index = new WorkspaceIndex(createCorpus(), quietListener, undefined, () => listing);
    index.setFolders([URI.file(dir).toString()]);

    const scan = index.scan();
    await fs.rename(before, after);
    await index.fileChanged(URI.file(before).toString(), true);
    await index.fileChanged(URI.file(after).toString(), false);
    releaseListing({ files: [kept, before], problems: [] });
    await scan;

    assert.deepEqual([...index.corpus.uris()].sort(), [kept, after].map((f) => URI.file(f).toString()));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('once files stop changing on disk, every article is checked again, not only those the change touched', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'provenance-index-'));
  try {
    const files = ['a.txt', 'b.txt', 'c.txt'].map((name) => path.join(dir, name));
    const unrelated = [ARTICLE, 'PARIS, May 9 (AFP) - Rain delayed the opening match of the tournament by an hour.\n', 'OSLO, June 2 - The museum reopened its north wing after two years of repairs to the roof.\n'];
    for (const [i, file] of files.entries()) await fs.writeFile(file, unrelated[i]);
    const changed = new Set<string>();
    const index = new WorkspaceIndex(createCorpus(), { ...quietListener, changed: (uris) => [...uris].forEach((u) => changed.add(u)) });
    index.setFolders([URI.file(dir).toString()]);
    await index.scan();
    changed.clear();

    await fs.writeFile(files[0], ARTICLE.replace('budget', 'new budget'));
    await index.fileChanged(URI.file(files[0]).toString(), false);
    assert.deepEqual([...changed], [URI.file(files[0]).toString()], 'at once, the changed article');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual([...changed].sort(), files.map((f) => URI.file(f).toString()).sort(), 'after a quiet second, all of them');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('articles past the memory the heap can spare are left out, each named with the reason, and the user is told how many', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'provenance-index-'));
  try {
    const files = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((name) => path.join(dir, name));
    for (const [i, file] of files.entries()) await fs.writeFile(file, ARTICLE.replace('budget', `budget ${i}`));
    const alerts: string[] = [];
    const problems = new Map<string, string>();
    const corpus = createCorpus();
    // Room for two articles.
    const heapCheck = () => (corpus.size >= 2 ? { usedMB: 2010, limitMB: 2000 } : undefined);
    const index = new WorkspaceIndex(corpus, { ...quietListener, alert: (message) => alerts.push(message), problem: (uri, problem) => problems.set(uri, problem) }, undefined, undefined, heapCheck);
    index.setFolders([URI.file(dir).toString()]);
    await index.scan();

    const uris = files.map((f) => URI.file(f).toString());
    assert.equal(corpus.size, 2);
    const leftOut = uris.filter((uri) => !corpus.get(uri));
    assert.equal(leftOut.length, 2);
    for (const uri of leftOut) {
      assert.match(index.problemOf(uri) ?? '', /was not checked: Provenance had reached its memory limit \(2010 MB in use, limit 2000 MB\)/);
      assert.equal(problems.get(uri), index.problemOf(uri));
    }
    assert.equal(alerts.length, 1);
    assert.match(alerts[0], /2 of 4 articles were not checked: its memory limit was reached \(2010 MB in use, limit 2000 MB\)/);
    assert.match(alerts[0], /provenance\.files\.include/);

    // An article indexed already may still change on disk; a new one stays out while the heap is full.
    const kept = uris.find((uri) => corpus.get(uri))!;
    await fs.writeFile(URI.parse(kept).fsPath, ARTICLE.replace('budget', 'revised budget'));
    await index.fileChanged(kept, false);
    assert.match(corpus.get(kept)!.text, /revised budget/);
    const added = path.join(dir, 'e.txt');
    await fs.writeFile(added, ARTICLE);
    await index.fileChanged(URI.file(added).toString(), false);
    assert.equal(corpus.get(URI.file(added).toString()), undefined);
    assert.match(index.problemOf(URI.file(added).toString()) ?? '', /was not checked/);

    // Opened in the editor, a left-out article is checked: the user asked for it.
    index.setOpenText(leftOut[0], ARTICLE);
    assert.ok(corpus.get(leftOut[0]));
    assert.equal(index.problemOf(leftOut[0]), undefined);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('the memory limit of the settings leaves articles out once the heap holds that much', () => {
  const full = heapCheckWithin(1)();
  assert.ok(full, 'a heap that reads anything at all holds more than 1 MB');
  assert.equal(full.limitMB, 1);
  assert.ok(full.usedMB > 1);
  assert.equal(heapCheckWithin(0)(), undefined, 'a test process is far from 70% of what Node allows');
});

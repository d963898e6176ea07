import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { createCorpus } from '../../server/src/analysis';
import type { FoundFiles } from '../../server/src/files/findArticleFiles';
import { WorkspaceIndex, type IndexListener } from '../../server/src/workspaceIndex';

const quietListener: IndexListener = { changed: () => undefined, problem: () => undefined, warning: () => undefined, progress: () => undefined };
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

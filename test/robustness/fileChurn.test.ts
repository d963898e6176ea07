/**
 * Files deleted, renamed and rewritten while the server indexes them: when it settles, its findings are
 * those of a fresh analysis of what is on disk, with no message about files that are simply gone.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent } from 'vscode-languageserver-protocol/node';
import { Prng } from '../bench/prng';
import { TestClient } from '../protocol/lspClient';
import { analyseFromScratch, diagnosticKeys, engineKeys, makeTempDir, removeDir, uriOf } from './harness';
import { newsArticle } from './newsText';

const ARTICLES = 120;
let dir: string | undefined;
let client: TestClient | undefined;

after(async () => {
  await client?.stop();
  await removeDir(dir);
});

test('deleting, renaming and rewriting files during the scan leaves the findings of what is on disk', async () => {
  dir = await makeTempDir('churn');
  const rng = new Prng(7);
  const names = Array.from({ length: ARTICLES }, (_, i) => `story-${String(i).padStart(3, '0')}.txt`);
  for (const name of names) await fs.writeFile(path.join(dir, name), newsArticle(rng, 6));
  const file = (name: string): string => path.join(dir!, name);

  ({ client } = await TestClient.start(dir));
  const c = client;
  await c.waitFor(() => c.status?.indexing === true, 20_000, 'the scan to start');

  // The last files of the scan change before it reaches them, the first after it has read them.
  const events: FileEvent[] = [];
  for (const [i, name] of names.entries()) {
    if (i % 4 === 0) {
      await fs.rm(file(name));
      events.push({ uri: uriOf(file(name)), type: FileChangeType.Deleted });
    } else if (i % 4 === 1) {
      const renamed = name.replace('story', 'renamed');
      await fs.rename(file(name), file(renamed));
      events.push({ uri: uriOf(file(name)), type: FileChangeType.Deleted }, { uri: uriOf(file(renamed)), type: FileChangeType.Created });
    } else if (i % 4 === 2) {
      await fs.writeFile(file(name), newsArticle(rng, 4));
      events.push({ uri: uriOf(file(name)), type: FileChangeType.Changed });
    }
  }
  const sawEndBeforeChanges = c.status?.indexing === false;
  await c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: events });

  const onDisk = (await fs.readdir(dir)).sort();
  const documents = await Promise.all(onDisk.map(async (name) => ({ uri: uriOf(file(name)), text: await fs.readFile(file(name), 'utf8') })));
  const expected = analyseFromScratch(documents);
  const matches = (): boolean =>
    c.status?.indexing === false && c.status.articles === onDisk.length && documents.every((d) => diagnosticKeys(c.diagnostics.get(d.uri)).join('\n') === engineKeys(expected.get(d.uri)!, d.text).join('\n'));
  try {
    await c.waitFor(matches, 60_000, 'the findings of the files on disk');
  } catch (error) {
    const wrong = documents.find((d) => diagnosticKeys(c.diagnostics.get(d.uri)).join('\n') !== engineKeys(expected.get(d.uri)!, d.text).join('\n'));
    const detail = wrong ? `\n${path.basename(wrong.uri)}: server ${JSON.stringify(diagnosticKeys(c.diagnostics.get(wrong.uri)))}\nexpected ${JSON.stringify(engineKeys(expected.get(wrong.uri)!, wrong.text))}` : '';
    throw new Error(`${(error as Error).message.split('\n')[0]}; status ${JSON.stringify(c.status)}, ${onDisk.length} files on disk${detail}`);
  }
  const onDiskUris = new Set(documents.map((d) => d.uri));
  for (const [uri, diagnostics] of c.diagnostics) {
    if (!onDiskUris.has(uri)) assert.deepEqual(diagnostics, [], `${path.basename(uri)} is gone and has no diagnostics left`);
  }
  assert.ok(![...c.diagnostics.values()].flat().some((d) => d.code === 'input-problem'), 'no file is reported as unreadable');
  assert.ok(!sawEndBeforeChanges, 'the files changed while the scan was running');
});

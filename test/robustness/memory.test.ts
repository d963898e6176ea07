/**
 * A folder larger than the memory Node gives the process: the command line and the language server
 * leave out the articles past their limit and name them, rather than running out of memory.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Prng } from '../bench/prng';
import { loadSpeechSentences, SentenceModel } from '../bench/sentenceModel';
import { TestClient } from '../protocol/lspClient';
import { makeTempDir, removeDir, runCli } from './harness';

/** Room for old objects: about a third of what these articles take once indexed and compared. */
const SMALL_HEAP = ['--max-old-space-size=64'];
const ARTICLES = 400;

let dir: string;

before(async () => {
  dir = await makeTempDir('memory');
  const rng = new Prng(7);
  // Distinct prose, as in an archive: repeated text would share its index entries.
  const model = new SentenceModel(loadSpeechSentences());
  for (let i = 0; i < ARTICLES; i++) await fs.writeFile(path.join(dir, `article-${String(i).padStart(3, '0')}.txt`), `${Array.from({ length: 30 }, () => model.sentence(rng)).join(' ')}\n`);
});

after(async () => removeDir(dir));

test('the command line names each file it had no memory left for, reports the rest, and exits 2', async () => {
  const run = await runCli(['check', '--format', 'json', dir], { nodeArgs: SMALL_HEAP, timeoutMs: 120_000 });
  assert.doesNotMatch(run.stderr, /heap out of memory/);
  assert.equal(run.code, 2, run.stderr.slice(-500));
  const leftOut = run.stderr.split('\n').filter((line) => /^.*article-\d{3}\.txt: was not checked: Provenance had reached its memory limit \(\d+ MB in use, limit \d+ MB\)$/.test(line));
  assert.ok(leftOut.length > 0 && leftOut.length < ARTICLES, `${leftOut.length} of ${ARTICLES} left out`);
  assert.match(run.stderr, new RegExp(`provenance: ${leftOut.length} of ${ARTICLES} files were not checked, for want of memory`));
  const reported = new Set((JSON.parse(run.stdout) as { findings: Array<{ file: string }> }).findings.map((f) => path.basename(f.file)));
  assert.ok(reported.size > 0, 'the files checked are reported');
  for (const line of leftOut) assert.ok(!reported.has(path.basename(line.slice(0, line.indexOf(': was not checked')))), line);
});

test('the language server indexes what fits, names each article left out in its diagnostics, and tells the user how many', async () => {
  const { client } = await TestClient.start(dir, {}, { nodeArgs: SMALL_HEAP });
  try {
    await client.waitFor(() => client.status?.indexing === false && client.shown.length > 0, 120_000, 'the scan to end with a message');
    const articles = client.status!.articles;
    assert.ok(articles > 0 && articles < ARTICLES, `${articles} of ${ARTICLES} indexed`);
    const leftOut = [...client.diagnostics.values()].filter((list) => list.some((d) => d.code === 'input-problem' && /was not checked: Provenance had reached its memory limit/.test(String(d.message))));
    assert.equal(leftOut.length, ARTICLES - articles);
    assert.match(client.shown[0], new RegExp(`^Provenance: ${ARTICLES - articles} of ${ARTICLES} articles were not checked: its memory limit was reached`));
    assert.equal(client.process.exitCode, null, 'the server is still running');
  } finally {
    await client.stop();
  }
});

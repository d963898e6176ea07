/**
 * Typing at machine speed: a burst of edits ends with the diagnostics of the final text (nothing stale),
 * and a long session of edits leaves the server's memory where it was after the first thousand.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Prng } from '../bench/prng';
import { TestClient } from '../protocol/lspClient';
import { analyseFromScratch, diagnosticKeys, engineKeys, makeTempDir, removeDir, REPO_ROOT, residentMB, sleep, uriOf } from './harness';
import { FIGURES, newsSentence } from './newsText';
import { SETTLED_MARK } from './settleMark';

const WIRE = path.join(REPO_ROOT, 'test', 'fixtures', 'wire');
const ARTICLES = ['harbor-original.txt', 'harbor-aggregator.txt', 'harbor-unrelated.txt'];

let dir: string;

before(async () => {
  dir = await makeTempDir('load');
  for (const name of ARTICLES) await fs.copyFile(path.join(WIRE, name), path.join(dir, name));
});

after(async () => removeDir(dir));

/** An editor's view of one open document: applies each change locally and sends it to the server. */
class EditorDocument {
  private document: TextDocument;

  constructor(
    private readonly client: TestClient,
    readonly uri: string,
    text: string,
  ) {
    this.document = TextDocument.create(uri, 'plaintext', 1, text);
  }

  get text(): string {
    return this.document.getText();
  }

  async open(): Promise<void> {
    await this.client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: this.uri, languageId: 'plaintext', version: 1, text: this.text } });
  }

  /** Sends without waiting, as an editor does; returns the promise of the write. */
  change(offset: number, removed: number, inserted: string): Promise<void> {
    const change: TextDocumentContentChangeEvent = { range: { start: this.document.positionAt(offset), end: this.document.positionAt(offset + removed) }, text: inserted };
    const version = this.document.version + 1;
    this.document = TextDocument.update(this.document, [change], version);
    return this.client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: this.uri, version }, contentChanges: [change] });
  }

  /** A request answered only after every notification sent before it was handled. */
  async barrier(): Promise<void> {
    await this.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: this.uri }, position: { line: 0, character: 0 } });
  }
}

describe('a burst of 5,000 edits', () => {
  let client: TestClient | undefined;
  after(async () => client?.stop());

  test('ends with the diagnostics of the final text in every article it touches', async () => {
    ({ client } = await TestClient.start(dir));
    const c = client;
    await c.waitFor(() => c.status?.indexing === false, 30_000, 'the scan to finish');
    const original = await fs.readFile(path.join(dir, 'harbor-original.txt'), 'utf8');
    const uri = uriOf(path.join(dir, 'harbor-aggregator.txt'));
    const editor = new EditorDocument(c, uri, await fs.readFile(path.join(dir, 'harbor-aggregator.txt'), 'utf8'));
    await editor.open();
    const rng = new Prng(3);
    const originalSentences = original.split(/(?<=[.!?])\s+/).filter((s) => s.length > 40);
    let last: Promise<void> = Promise.resolve();
    for (let i = 0; i < 5000; i++) {
      const length = editor.text.length;
      const at = rng.int(0, length);
      const kind = rng.int(0, 9);
      // Deletions, typed characters and pasted sentences, some copied from the other article.
      if (kind < 3 && length > 200) last = editor.change(Math.min(at, length - 30), rng.int(1, 30), '');
      else if (kind < 7) last = editor.change(at, 0, rng.pick(['a', ' ', '1', '.', '\n', 'é', '😀', rng.pick(FIGURES)]));
      else if (kind < 9) last = editor.change(at, 0, ` ${newsSentence(rng)} `);
      else last = editor.change(at, 0, `\n\n${rng.pick(originalSentences)}\n\n`);
    }
    await last;
    await editor.barrier();

    const texts = new Map<string, string>();
    for (const name of ARTICLES) texts.set(uriOf(path.join(dir, name)), await fs.readFile(path.join(dir, name), 'utf8'));
    texts.set(uri, editor.text);
    const expected = analyseFromScratch([...texts].map(([u, text]) => ({ uri: u, text })));
    const agrees = (u: string): boolean => diagnosticKeys(c.diagnostics.get(u)).join('\n') === engineKeys(expected.get(u)!, texts.get(u)!).join('\n');
    try {
      await c.waitFor(() => [...texts.keys()].every(agrees), 30_000, 'the diagnostics of the final text');
    } catch (error) {
      const wrong = [...texts.keys()].find((u) => !agrees(u))!;
      assert.deepEqual(diagnosticKeys(c.diagnostics.get(wrong)), engineKeys(expected.get(wrong)!, texts.get(wrong)!), `diagnostics of ${path.basename(wrong)}: ${(error as Error).message.split('\n')[0]}`);
    }
    assert.ok([...expected.values()].flat().length > 0, 'the final texts have findings to compare');
  });
});

describe('100,000 edits', () => {
  let client: TestClient | undefined;
  after(async () => client?.stop());

  /** Collects garbage in the server (through the preloaded probe) and reads its memory. */
  async function settledMemory(c: TestClient): Promise<{ rssMB: number; heapMB: number }> {
    const from = c.stderr.length;
    c.process.kill('SIGUSR2');
    const deadline = Date.now() + 10_000;
    let line: string | undefined;
    while (!(line = c.stderr.slice(from).join('').split('\n').find((l) => l.startsWith(SETTLED_MARK)))) {
      assert.ok(Date.now() < deadline, 'the server reports its settled memory');
      await sleep(20);
    }
    // Tokens are kept in typed arrays, whose memory lies outside the heap: both count as live.
    const { heapUsed, arrayBuffers } = JSON.parse(line.slice(SETTLED_MARK.length)) as { heapUsed: number; arrayBuffers: number };
    return { rssMB: await residentMB(c.process.pid!), heapMB: (heapUsed + arrayBuffers) / (1024 * 1024) };
  }

  test('leave the memory of the server within 10% of what it was after 1,000', async (t) => {
    // Debounce 0: the server analyses between batches of edits, so analyses accumulate along with edits.
    ({ client } = await TestClient.start(dir, { debounceMs: 0 }, { nodeArgs: ['--expose-gc', '--require', path.join(__dirname, 'settleProbe.js')] }));
    const c = client;
    await c.waitFor(() => c.status?.indexing === false, 30_000, 'the scan to finish');
    const uri = uriOf(path.join(dir, 'harbor-aggregator.txt'));
    const editor = new EditorDocument(c, uri, await fs.readFile(path.join(dir, 'harbor-aggregator.txt'), 'utf8'));
    await editor.open();
    // Typing a figure into a sentence and deleting it again, over and over: the document stays small.
    const at = editor.text.indexOf('Monday');
    let typed = 0;
    let digit = 0;
    const edit = (): Promise<void> => {
      if (typed < 5) return editor.change(at + typed++, 0, String(digit++ % 10));
      const removed = typed;
      typed = 0;
      return editor.change(at, removed, '');
    };
    const run = async (edits: number): Promise<void> => {
      for (let done = 0; done < edits; done += 1000) {
        let last: Promise<void> = Promise.resolve();
        for (let i = 0; i < Math.min(1000, edits - done); i++) last = edit();
        await last;
        await editor.barrier();
      }
      await sleep(300);
    };
    const started = Date.now();
    await run(1000);
    const early = await settledMemory(c);
    await run(99_000);
    const late = await settledMemory(c);
    t.diagnostic(`after 1,000 edits: RSS ${early.rssMB.toFixed(1)} MB, heap and buffers ${early.heapMB.toFixed(1)} MB; after 100,000: RSS ${late.rssMB.toFixed(1)} MB, heap and buffers ${late.heapMB.toFixed(1)} MB; ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.ok(late.heapMB <= early.heapMB * 1.1, `live heap and buffers ${late.heapMB.toFixed(1)} MB after 100,000 edits, over 110% of ${early.heapMB.toFixed(1)} MB after 1,000`);
    // Resident memory is reported but not asserted: it also holds what the C allocator keeps for V8's
    // helper threads, which on a loaded machine grew by a third with the live heap flat (+4%).
  });
});

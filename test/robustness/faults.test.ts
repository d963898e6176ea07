/**
 * Faults around the server: killed in the middle of indexing, a new server publishes the same findings
 * as an undisturbed analysis; requests the client cancels stop without doing their work.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  CodeActionRequest,
  DidOpenTextDocumentNotification,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { DocumentFindingsRequest, ExportReportRequest } from '../../shared/protocol';
import { Prng } from '../bench/prng';
import { TestClient } from '../protocol/lspClient';
import { analyseFromScratch, copyInto, diagnosticKeys, engineKeys, fixtureArticles, makeTempDir, removeDir, uriOf } from './harness';
import { newsArticle } from './newsText';

let dir: string;
let files: string[];

before(async () => {
  dir = await makeTempDir('faults');
  files = await copyInto(dir, fixtureArticles());
});

after(async () => removeDir(dir));

describe('a server killed while indexing', () => {
  test('is replaced by one that publishes the same findings as an undisturbed analysis', async () => {
    const first = await TestClient.start(dir);
    await first.client.waitFor(() => first.client.status?.indexing === true, 20_000, 'indexing to start');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(first.client.status?.indexing, true, 'still indexing when killed');
    const exited = new Promise((resolve) => first.client.process.once('exit', resolve));
    first.client.process.kill('SIGKILL');
    await exited;
    first.client.connection.dispose();

    const documents = await Promise.all(files.map(async (file) => ({ uri: uriOf(file), text: await fs.readFile(file, 'utf8') })));
    const expected = analyseFromScratch(documents);
    const { client } = await TestClient.start(dir);
    try {
      const agrees = (d: { uri: string; text: string }): boolean => diagnosticKeys(client.diagnostics.get(d.uri)).join('\n') === engineKeys(expected.get(d.uri)!, d.text).join('\n');
      await client.waitFor(() => client.status?.indexing === false && documents.every(agrees), 60_000, 'the findings of an undisturbed analysis').catch((error: Error) => {
        const wrong = documents.find((d) => !agrees(d));
        assert.deepEqual(diagnosticKeys(client.diagnostics.get(wrong?.uri ?? '')), wrong ? engineKeys(expected.get(wrong.uri)!, wrong.text) : [], `${wrong?.uri}: ${error.message.split('\n')[0]}`);
      });
      assert.equal(client.status?.articles, files.length);
    } finally {
      await client.stop();
    }
  });
});

describe('cancelled requests', () => {
  let client: TestClient;
  const target = (): string => uriOf(files.find((f) => f.endsWith('harbor-aggregator.txt'))!);

  before(async () => {
    ({ client } = await TestClient.start(dir, { debounceMs: 0 }));
    await client.waitFor(() => client.status?.indexing === false, 60_000, 'the scan to finish');
  });

  after(async () => client?.stop());

  /** Opens a long article: its analysis keeps the server busy while the next messages queue up. */
  async function keepBusy(name: string): Promise<void> {
    const text = newsArticle(new Prng(name.length), 400);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(path.join(dir, name)), languageId: 'plaintext', version: 1, text } });
  }

  /** Sends the request and cancels it at once; resolves to the error code the server answered with, or 'answered'. */
  async function sendAndCancel(send: (connection: ProtocolConnection, source: CancellationTokenSource) => Promise<unknown>): Promise<number | 'answered'> {
    const source = new CancellationTokenSource();
    const pending = send(client.connection, source);
    source.cancel();
    try {
      await pending;
      return 'answered';
    } catch (error) {
      assert.ok(error instanceof ResponseError, `a protocol error, not ${String(error)}`);
      return error.code;
    }
  }

  const requests: Record<string, (connection: ProtocolConnection, source: CancellationTokenSource) => Promise<unknown>> = {
    hover: (connection, source) => connection.sendRequest(HoverRequest.type, { textDocument: { uri: target() }, position: { line: 2, character: 5 } }, source.token),
    'code actions': (connection, source) =>
      connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: target() }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, context: { diagnostics: [] } }, source.token),
    'document findings': (connection, source) => connection.sendRequest(DocumentFindingsRequest, { uri: target() }, source.token),
    'report export': (connection, source) => connection.sendRequest(ExportReportRequest, source.token),
  };

  for (const [name, send] of Object.entries(requests)) {
    test(`${name}: a request cancelled while the server is busy is answered as cancelled`, async () => {
      await keepBusy(`busy-${name.replace(/\W/g, '-')}.txt`);
      assert.equal(await sendAndCancel(send), LSPErrorCodes.RequestCancelled);
    });
  }

  test('the server answers requests that are not cancelled afterwards', async () => {
    const report = await client.connection.sendRequest(ExportReportRequest);
    assert.match(report.markdown, /harbor-aggregator\.txt/);
    const findings = await client.connection.sendRequest(DocumentFindingsRequest, { uri: target() });
    assert.ok(findings.findings.length > 0);
  });
});

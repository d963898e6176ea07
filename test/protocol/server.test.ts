import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  SemanticTokensRequest,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { figureTexts, REPO_ROOT, TestClient } from './lspClient';
import { DocumentFindingsRequest } from '../../shared/protocol';

let workspace: string;
let client: TestClient;
const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href;
const copied = (name: string): Diagnostic[] => (client.diagnostics.get(uriOf(name)) ?? []).filter((d) => d.code === 'copied-passage');

before(async () => {
  workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'provenance-ls-'));
  for (const name of ['harbor-original.txt', 'harbor-aggregator.txt', 'harbor-unrelated.txt']) {
    await fs.copyFile(path.join(REPO_ROOT, 'test', 'fixtures', 'wire', name), path.join(workspace, name));
  }
  ({ client } = await TestClient.start(workspace));
});

after(async () => {
  await client?.stop();
  await fs.rm(workspace, { recursive: true, force: true });
});

test('files on disk that were never opened get diagnostics with related locations', async () => {
  await client.waitFor(() => copied('harbor-aggregator.txt').length > 0 && copied('harbor-original.txt').length > 0);
  const [finding] = copied('harbor-aggregator.txt');
  assert.equal(finding.source, 'provenance');
  const related = finding.relatedInformation ?? [];
  assert.ok(related.some((r) => r.location.uri === uriOf('harbor-original.txt')), 'points at the original');
  assert.deepEqual(copied('harbor-unrelated.txt'), []);
});

test('hover on a copied passage quotes the other passage and links to it', async () => {
  const [finding] = copied('harbor-aggregator.txt');
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('harbor-aggregator.txt') }, position: finding.range.start });
  assert.ok(hover, 'a hover is returned');
  const markdown = (hover.contents as MarkupContent).value;
  assert.match(markdown, /harbor-original\.txt/);
  assert.match(markdown, /Harbor Workers Union/);
  assert.ok(markdown.includes(`${uriOf('harbor-original.txt')}#L`), 'links to the passage');
});

test('unsaved edits count: removing the copied text clears the finding in both files', async () => {
  const uri = uriOf('harbor-aggregator.txt');
  const original = await fs.readFile(path.join(workspace, 'harbor-aggregator.txt'), 'utf8');
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: original } });
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ text: 'Posted March 5, 2025\n\nLocal farmers fear their harvest will rot.\n' }],
  });
  await client.waitFor(() => copied('harbor-aggregator.txt').length === 0 && copied('harbor-original.txt').length === 0);

  await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  await client.waitFor(() => copied('harbor-aggregator.txt').length > 0, 20_000, 'the file on disk to count again after close');
});

test('semantic tokens asked for right after an edit colour the edited text, once its analysis has run', async () => {
  const uri = uriOf('harbor-unrelated.txt');
  const before = 'Posted March 5, 2025\n\nThe ferry runs twice a day.\n';
  const after = 'Posted March 5, 2025\n\nThe ferry carried 4,812 passengers, up 12% on last year.\n';
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: before } });
  const figureTokens = async (): Promise<string[]> => figureTexts((await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }))?.data ?? [], after);
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: after }] });
  // Asked before the debounce has run the analysis: the answer must still be for the new text.
  assert.deepEqual(await figureTokens(), ['4,812 passengers', '12%']);
  await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
});

test('a new file on disk is picked up, and a deleted one drops out', async () => {
  const name = 'harbor-second-copy.txt';
  const file = path.join(workspace, name);
  await fs.writeFile(file, 'The port authority said in a statement that it remained open to talks and that perishable cargo would be moved by contractors.\n');
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(name), type: FileChangeType.Created }] });
  await client.waitFor(() => copied(name).length > 0);
  await fs.rm(file);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(name), type: FileChangeType.Deleted }] });
  await client.waitFor(() => (client.diagnostics.get(uriOf(name)) ?? []).length === 0);
  await client.waitFor(() => !copied('harbor-original.txt').some((d) => d.relatedInformation?.some((r) => r.location.uri === uriOf(name))));
});

test('the findings request gives the side panel every related passage with its text', async () => {
  const result = await client.connection.sendRequest(DocumentFindingsRequest.method, { uri: uriOf('harbor-original.txt') });
  const { findings } = result as { findings: Array<{ code: string; related: Array<{ uri: string; text: string }> }> };
  const copy = findings.find((f) => f.code === 'copied-passage');
  assert.ok(copy);
  assert.ok(copy.related.some((r) => r.uri === uriOf('harbor-aggregator.txt') && r.text.includes('Harbor Workers Union')));
});

test('code actions answer for a range without findings', async () => {
  const actions = await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: uriOf('harbor-unrelated.txt') },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
    context: { diagnostics: [] },
  });
  assert.deepEqual(actions, []);
});

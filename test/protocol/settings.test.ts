import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  FileChangeType,
  SemanticTokensRequest,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { DocumentFindingsRequest, ReindexRequest } from '../../shared/protocol';
import { figureTexts, REPO_ROOT, TestClient } from './lspClient';

async function workspaceWith(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'provenance-settings-'));
  for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, name), text);
  return dir;
}

const wire = (name: string) => fs.readFile(path.join(REPO_ROOT, 'test', 'fixtures', 'wire', name), 'utf8');

test('the similarity threshold setting decides which copies are reported', async () => {
  const dir = await workspaceWith({ 'original.txt': await wire('harbor-original.txt'), 'copy.txt': await wire('harbor-aggregator.txt'), 'marker.txt': 'The city will spend $4.2 million on new buses next year.\n' });
  const uri = pathToFileURL(path.join(dir, 'copy.txt')).href;
  const marker = pathToFileURL(path.join(dir, 'marker.txt')).href;
  const strict = await TestClient.start(dir, { copies: { similarityThreshold: 1 } });
  try {
    // The marker file's own finding shows the scan has published, so an empty list for copy.txt is final.
    await strict.client.waitFor(() => (strict.client.diagnostics.get(marker) ?? []).length > 0 && strict.client.diagnostics.has(uri));
    assert.deepEqual((strict.client.diagnostics.get(uri) ?? []).filter((d) => d.code === 'copied-passage'), []);
  } finally {
    await strict.client.stop();
  }
  const lenient = await TestClient.start(dir, { copies: { similarityThreshold: 0.5 } });
  try {
    await lenient.client.waitFor(() => (lenient.client.diagnostics.get(uri) ?? []).some((d) => d.code === 'copied-passage'));
  } finally {
    await lenient.client.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('in an untrusted workspace, marking a figure as sourced writes nothing', async () => {
  const dir = await workspaceWith({ 'buses.txt': 'The city will spend $4.2 million on new buses next year.\n' });
  const uri = pathToFileURL(path.join(dir, 'buses.txt')).href;
  const { client } = await TestClient.start(dir, { trusted: false });
  try {
    await client.waitFor(() => (client.diagnostics.get(uri) ?? []).some((d) => d.code === 'unsourced-figure'));
    const diagnostic = (client.diagnostics.get(uri) ?? []).find((d) => d.code === 'unsourced-figure') as Diagnostic;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const mark = actions.find((a) => a.command?.command === 'provenance.markSourced');
    assert.ok(mark?.command, 'the mark-as-sourced action is offered');
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: mark.command.command, arguments: mark.command.arguments });
    await assert.rejects(fs.access(path.join(dir, '.provenance', 'sourced.json')), 'no marks file is written');
    assert.ok((client.diagnostics.get(uri) ?? []).some((d) => d.code === 'unsourced-figure'), 'the figure is still flagged');
  } finally {
    await client.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('excluded files are neither checked nor compared, on disk, when they appear, or when opened', async () => {
  const dir = await workspaceWith({ 'copy.txt': await wire('harbor-aggregator.txt'), 'marker.txt': 'The city will spend $4.2 million on new buses next year.\n' });
  await fs.mkdir(path.join(dir, 'archive'));
  await fs.writeFile(path.join(dir, 'archive', 'original.txt'), await wire('harbor-original.txt'));
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const { client } = await TestClient.start(dir, { files: { exclude: ['archive'] } });
  try {
    await client.waitFor(() => client.status?.indexing === false && client.diagnostics.has(uri('copy.txt')) && client.diagnostics.has(uri('marker.txt')));
    assert.equal(client.status?.articles, 2, 'only the two articles outside archive/ are indexed');
    assert.deepEqual((client.diagnostics.get(uri('copy.txt')) ?? []).filter((d) => d.code === 'copied-passage'), [], 'the excluded original is no source of copies');
    assert.equal(client.diagnostics.has(uri('archive/original.txt')), false);

    // A file appearing in the excluded folder stays out; the same text outside it is compared at once.
    await fs.writeFile(path.join(dir, 'archive', 'late.txt'), await wire('harbor-original.txt'));
    await fs.writeFile(path.join(dir, 'original.txt'), await wire('harbor-original.txt'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri: uri('archive/late.txt'), type: FileChangeType.Created },
        { uri: uri('original.txt'), type: FileChangeType.Created },
      ],
    });
    await client.waitFor(() => (client.diagnostics.get(uri('copy.txt')) ?? []).some((d) => d.code === 'copied-passage'));
    const related = (client.diagnostics.get(uri('copy.txt')) ?? []).flatMap((d) => d.relatedInformation ?? []).map((r) => r.location.uri);
    assert.ok(related.includes(uri('original.txt')));
    assert.ok(!related.some((r) => r.includes('/archive/')), 'no related passage is in the excluded folder');

    // Opened in the editor, an excluded article gets no diagnostics either.
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri('archive/original.txt'), languageId: 'plaintext', version: 1, text: await wire('harbor-original.txt') } });
    const findings = await client.connection.sendRequest(DocumentFindingsRequest, { uri: uri('archive/original.txt') });
    assert.deepEqual(findings.findings, []);
    // A status asked for after the open, rather than the last one sent, which may predate it.
    const counted = await client.connection.sendRequest(ReindexRequest);
    assert.equal(counted.articles, 3, 'copy, marker and original: the opened excluded file is not counted');
  } finally {
    await client.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('semantic tokens asked for during the debounce wait for it rather than analyse each keystroke', async () => {
  const debounceMs = 800;
  const dir = await workspaceWith({ 'note.txt': 'The ferry runs twice a day.\n' });
  const uri = pathToFileURL(path.join(dir, 'note.txt')).href;
  const { client } = await TestClient.start(dir, { debounceMs });
  try {
    await client.waitFor(() => client.status?.indexing === false && client.diagnostics.has(uri));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: 'The ferry runs twice a day.\n' } });
    const edited = 'The ferry carried 4,812 passengers.\n';
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const asked = Date.now();
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    assert.ok(Date.now() - asked >= debounceMs - 100, `answered after ${Date.now() - asked} ms, before the debounce of ${debounceMs} ms`);
    assert.deepEqual(figureTexts(tokens?.data ?? [], edited), ['4,812 passengers'], 'the new figure is coloured');
  } finally {
    await client.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('an edit that changes the findings of other articles publishes the edited document first', async () => {
  const copies = path.join(REPO_ROOT, 'test', 'fixtures', 'copies');
  const sources = ['court-original.txt', 'dam-wire-original.txt', 'unrelated-library.txt'];
  const files: Record<string, string> = { 'digest.txt': 'Posted March 5, 2025\n\nA quiet week.\n' };
  for (const name of sources) files[name] = await fs.readFile(path.join(copies, name), 'utf8');
  const dir = await workspaceWith(files);
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const { client } = await TestClient.start(dir, { debounceMs: 0 });
  try {
    await client.waitFor(() => client.status?.indexing === false && Object.keys(files).every((name) => client.diagnostics.has(uri(name))));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri('digest.txt'), languageId: 'plaintext', version: 1, text: files['digest.txt'] } });
    // The digest takes a long paragraph from each source, which gives each of them a copied passage.
    const lifted = sources.map((name) => files[name].split(/\n\s*\n/).reduce((a, b) => (b.length > a.length ? b : a)));
    const from = client.published.length;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri('digest.txt'), version: 2 }, contentChanges: [{ text: `Posted March 5, 2025\n\n${lifted.join('\n\n')}\n` }] });
    const copied = (name: string) => (client.diagnostics.get(uri(name)) ?? []).some((d) => d.code === 'copied-passage');
    await client.waitFor(() => sources.every(copied) && copied('digest.txt'));
    const wave = client.published.slice(from);
    assert.ok(sources.every((name) => wave.includes(uri(name))), 'the sources were published again');
    assert.equal(wave[0], uri('digest.txt'), `published in the order ${wave.map((u) => path.basename(u)).join(', ')}`);
  } finally {
    await client.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

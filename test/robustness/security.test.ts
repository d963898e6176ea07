/**
 * The CLI and the language server never open a network connection, resolve a host name or start a
 * process: both run here with a preloaded guard that records and refuses every such call, the server
 * through a whole session (indexing, hovers, quick fixes, marks written to the workspace, a report,
 * a re-index).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CodeActionRequest, ExecuteCommandRequest, HoverRequest, SemanticTokensRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { DocumentFindingsRequest, ExportReportRequest, ReindexRequest } from '../../shared/protocol';
import { TestClient } from '../protocol/lspClient';
import { copyInto, fixtureArticles, makeTempDir, removeDir, REPO_ROOT, runCli, uriOf } from './harness';

const GUARD = path.join(__dirname, 'networkGuard.js');
let dir: string;
let log: string;

before(async () => {
  dir = await makeTempDir('security');
  log = path.join(dir, 'guard.log');
  process.env.PROVENANCE_GUARD_LOG = log;
});

after(async () => {
  delete process.env.PROVENANCE_GUARD_LOG;
  await removeDir(dir);
});

const recorded = (): string => {
  try {
    return readFileSync(log, 'utf8');
  } catch {
    return '';
  }
};

test('the guard catches connections, look-ups and processes (so that its silence means something)', async () => {
  const attempts = [
    "require('net').connect(80, '127.0.0.1')",
    "require('dns').lookup('example.com', () => {})",
    "require('https').get('https://example.com')",
    "require('child_process').execSync('true')",
    'fetch("http://127.0.0.1/")',
  ];
  for (const attempt of attempts) {
    const run = spawnSync(process.execPath, ['--require', GUARD, '-e', `try { ${attempt} } catch {}`], { env: process.env, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  }
  assert.equal(recorded().match(/ called in process /g)?.length, attempts.length, recorded());
  await fs.rm(log);
});

test('the CLI over the sample articles', async () => {
  const run = await runCli(['check', '--format', 'sarif', path.join(REPO_ROOT, 'seeds')], { nodeArgs: ['--require', GUARD] });
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  assert.equal(recorded(), '');
});

test('the language server through a whole session', async () => {
  const files = await copyInto(path.join(dir, 'workspace'), fixtureArticles());
  const { client } = await TestClient.start(path.join(dir, 'workspace'), {}, { nodeArgs: ['--require', GUARD] });
  try {
    await client.waitFor(() => client.status?.indexing === false && files.some((f) => (client.diagnostics.get(uriOf(f)) ?? []).length > 0), 60_000, 'the scan');
    const withFigure = files.find((f) => (client.diagnostics.get(uriOf(f)) ?? []).some((d) => d.code === 'unsourced-figure')) ?? files[0];
    const uri = uriOf(withFigure);
    const diagnostics = client.diagnostics.get(uri) ?? [];
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: diagnostics[0]?.range.start ?? { line: 0, character: 0 } });
    await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    await client.connection.sendRequest(DocumentFindingsRequest, { uri });
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } }, context: { diagnostics } })) as CodeAction[];
    const mark = actions.find((a) => a.command?.command === 'provenance.markSourced');
    if (mark?.command) await client.connection.sendRequest(ExecuteCommandRequest.type, { command: mark.command.command, arguments: mark.command.arguments });
    await client.connection.sendRequest(ExportReportRequest);
    await client.connection.sendRequest(ReindexRequest);
    assert.equal(client.process.exitCode, null, 'the server runs');
  } finally {
    await client.stop();
  }
  assert.equal(recorded(), '', 'no connection, look-up or process');
  assert.doesNotMatch(client.stderr.join(''), /forbidden:/);
});

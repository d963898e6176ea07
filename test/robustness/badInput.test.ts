/**
 * Files that are not clean UTF-8 articles, and folders that are not plain trees: the CLI and the server
 * finish, say which file has which problem, and still check everything else.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../protocol/lspClient';
import { makeTempDir, messageOf, removeDir, REPO_ROOT, runCli, uriOf } from './harness';

const WIRE = path.join(REPO_ROOT, 'test', 'fixtures', 'wire');
const DEPTH = 200;

/** Each problem file and the message both the CLI and the server must give for it. */
const PROBLEMS: Record<string, RegExp> = {
  'binary.txt': /looks like a binary file/,
  'invalid-utf8.txt': /is not valid UTF-8 \(first bad byte at offset 11\); save it as UTF-8/,
  'utf16-no-bom.txt': /looks like UTF-16 without a byte order mark/,
  'utf32.txt': /is encoded as UTF-32/,
  'huge.txt': /is 20\.0 MB, over the 10\.0 MB limit .*provenance\.maxFileSizeMB.*--max-file-size-mb/,
  'pipe.txt': /is a named pipe, not a file/,
  'dangling.txt': /is a symbolic link to something that does not exist/,
  'loop-a.txt': /symbolic link loop/,
  'loop-b.txt': /symbolic link loop/,
};

let dir: string;
let deepFile: string;

before(async () => {
  dir = await makeTempDir('bad-input');
  const original = await fs.readFile(path.join(WIRE, 'harbor-original.txt'), 'utf8');
  const aggregator = await fs.readFile(path.join(WIRE, 'harbor-aggregator.txt'), 'utf8');
  await fs.writeFile(path.join(dir, 'original.txt'), original);
  await fs.writeFile(path.join(dir, 'empty.txt'), '');
  await fs.writeFile(path.join(dir, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  await fs.writeFile(path.join(dir, 'invalid-utf8.txt'), Buffer.concat([Buffer.from('The mayor s'), Buffer.from([0xc3, 0x28]), Buffer.from('id 12 people were hurt.\n')]));
  // The copy of the wire story in UTF-16 still matches the original: it was decoded, not skipped.
  await fs.writeFile(path.join(dir, 'utf16-bom.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(aggregator, 'utf16le')]));
  await fs.writeFile(path.join(dir, 'utf16-no-bom.txt'), Buffer.from('The council said 4,500 people were evacuated on Monday.\n', 'utf16le'));
  await fs.writeFile(path.join(dir, 'utf32.txt'), Buffer.from([0xff, 0xfe, 0, 0, 0x54, 0, 0, 0]));
  // A sparse file: 20 MB on paper, nothing on the disk.
  await fs.writeFile(path.join(dir, 'huge.txt'), '');
  await fs.truncate(path.join(dir, 'huge.txt'), 20 * 1024 * 1024);
  // As root every permission check passes, so unreadable entries are made of things no one can read as a file.
  assert.equal(spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]).status, 0, 'mkfifo works');
  await fs.symlink(path.join(dir, 'missing.txt'), path.join(dir, 'dangling.txt'));
  await fs.symlink(path.join(dir, 'loop-b.txt'), path.join(dir, 'loop-a.txt'));
  await fs.symlink(path.join(dir, 'loop-a.txt'), path.join(dir, 'loop-b.txt'));
  await fs.symlink(path.join(dir, 'original.txt'), path.join(dir, 'same-as-original.txt'));
  await fs.symlink(dir, path.join(dir, 'link-to-self'));
  await fs.mkdir(path.join(dir, 'folder.txt'));
  await fs.writeFile(path.join(dir, 'folder.txt', 'inside.txt'), 'The port handled 1,200 containers a day before the strike, officials said.\n');
  let deep = dir;
  for (let level = 0; level < DEPTH; level++) deep = path.join(deep, `level-${level}`);
  await fs.mkdir(deep, { recursive: true });
  deepFile = path.join(deep, 'deep.txt');
  await fs.writeFile(deepFile, aggregator);
});

after(async () => removeDir(dir));

describe('the CLI', () => {
  test('names every problem file on stderr, exits 2, and still checks the rest', async () => {
    const run = await runCli(['check', '--format', 'json', dir], { timeoutMs: 60_000 });
    assert.equal(run.signal, null, `the CLI was killed after ${run.ms} ms: it hung`);
    assert.equal(run.code, 2, run.stderr);
    for (const [name, message] of Object.entries(PROBLEMS)) {
      const line = run.stderr.split('\n').find((l) => l.startsWith(path.join(dir, name) + ':'));
      assert.ok(line, `a line for ${name} in:\n${run.stderr}`);
      assert.match(line, message);
    }
    assert.match(run.stderr, /empty\.txt: is empty/);
    assert.match(run.stderr, /utf16-bom\.txt: read as UTF-16/);
    assert.doesNotMatch(run.stderr, /internal error|at .*\.js:\d+/, 'no stack traces');
    const report = JSON.parse(run.stdout) as { findings: Array<{ file: string; code: string; related: Array<{ file: string }> }> };
    const files = new Set(report.findings.map((f) => path.relative(dir, f.file)));
    assert.ok(files.has('utf16-bom.txt'), 'the UTF-16 article was analysed');
    assert.ok(files.has(path.relative(dir, deepFile)), `the article ${DEPTH} folders down was analysed`);
    assert.ok(
      !report.findings.some((f) => f.related.some((r) => path.basename(r.file) === 'same-as-original.txt' || path.basename(f.file) === 'same-as-original.txt')),
      'a link to an article is read once, not reported as its copy',
    );
    assert.ok(!report.findings.some((f) => f.file.includes('link-to-self')), 'a folder reached again through a link is not read twice');
  });

  test('a named pipe named explicitly is reported, not waited on', async () => {
    const run = await runCli(['check', path.join(dir, 'pipe.txt')], { timeoutMs: 20_000 });
    assert.equal(run.signal, null, 'the CLI did not hang on the pipe');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /pipe\.txt: is a named pipe, not a file/);
  });

  test('the size limit is a setting: raised, the large file is read', async () => {
    const run = await runCli(['check', '--max-file-size-mb', '25', path.join(dir, 'huge.txt')], { timeoutMs: 30_000 });
    assert.equal(run.code, 2);
    // Past the limit it is read, and found to be what it is: NUL bytes.
    assert.match(run.stderr, /huge\.txt: looks like a binary file/);
  });
});

describe('the language server', () => {
  let client: TestClient;
  const diagnosticsOf = (file: string): Diagnostic[] | undefined => client.diagnostics.get(uriOf(path.join(dir, file)));

  before(async () => {
    ({ client } = await TestClient.start(dir));
    await client.waitFor(() => client.status?.indexing === false && (diagnosticsOf('utf16-bom.txt') ?? []).length > 0, 60_000, 'the scan to finish');
  });

  after(async () => client?.stop());

  test('puts an information diagnostic naming the problem on each file it cannot read, and keeps running', () => {
    for (const [name, message] of Object.entries(PROBLEMS)) {
      const diagnostics = diagnosticsOf(name) ?? [];
      assert.equal(diagnostics.length, 1, `one diagnostic on ${name}`);
      assert.equal(diagnostics[0].code, 'input-problem');
      assert.equal(diagnostics[0].severity, 3, 'information');
      const text = messageOf(diagnostics[0]);
      assert.ok(text.startsWith(name), `the message names ${name}: ${text}`);
      assert.match(text, message);
    }
    assert.equal(client.process.exitCode, null, 'the server is still running');
  });

  test('analyses what it can read: UTF-16 with a byte order mark, the deep folder, the folder named .txt', () => {
    assert.ok((diagnosticsOf('utf16-bom.txt') ?? []).some((d) => d.code === 'copied-passage'));
    assert.ok((client.diagnostics.get(uriOf(deepFile)) ?? []).some((d) => d.code === 'copied-passage'));
    assert.deepEqual((diagnosticsOf('empty.txt') ?? []).filter((d) => d.code === 'input-problem'), [], 'an empty file is not a problem');
    assert.ok(!(diagnosticsOf(path.join('folder.txt', 'inside.txt')) ?? []).some((d) => d.code === 'input-problem'));
  });

  test('an open document over the size limit is not analysed either, and says so until it is closed', async () => {
    const uri = uriOf(path.join(dir, 'pasted.txt'));
    const text = 'The council said 4,500 people were evacuated on Monday.\n'.repeat(Math.ceil((10.5 * 1024 * 1024) / 56));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await client.waitFor(() => (client.diagnostics.get(uri) ?? []).some((d) => d.code === 'input-problem'), 20_000, 'the size message on the open document');
    assert.match(messageOf(client.diagnostics.get(uri)![0]), /^pasted\.txt is 10\.5 MB, over the 10\.0 MB limit .*provenance\.maxFileSizeMB/);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await client.waitFor(() => (client.diagnostics.get(uri) ?? []).length === 0, 20_000, 'the message to go with the document');
  });

  test('a problem file that is fixed on disk loses its message', async () => {
    const name = 'binary.txt';
    await fs.writeFile(path.join(dir, name), 'The port reopened on Friday.\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(path.join(dir, name)), type: FileChangeType.Changed }] });
    await client.waitFor(() => !(diagnosticsOf(name) ?? []).some((d) => d.code === 'input-problem'), 20_000, `the message on ${name} to go`);
  });
});

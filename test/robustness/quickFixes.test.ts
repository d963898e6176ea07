/**
 * Quick fixes never damage an article: every edit the server offers, for every diagnostic of every
 * fixture and sample article (and of copies with CRLF line endings and text in other scripts), only
 * inserts text; removing what it inserted gives back the original bytes. Marks written by the server
 * all arrive in the shared file, whole.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CodeActionRequest, ExecuteCommandRequest, type CodeAction, type Diagnostic, type Position, type TextEdit } from 'vscode-languageserver-protocol/node';
import { Prng } from '../bench/prng';
import { TestClient } from '../protocol/lspClient';
import { copyInto, fixtureArticles, makeTempDir, removeDir, uriOf } from './harness';
import { FOREIGN } from './newsText';

interface Insertion {
  offset: number;
  text: string;
}

/** The text a snippet inserts: tab stops and placeholders taken as their default, escapes undone. */
function expandSnippet(snippet: string): string {
  return snippet.replace(/\\([$}\\])|\$\{\d+:([^}]*)\}|\$\{\d+\}|\$\d+/g, (_, escaped: string | undefined, placeholder: string | undefined) => escaped ?? placeholder ?? '');
}

/** The offset of a position, failing when it is past its line, inside a line break or inside a surrogate pair. */
function offsetOf(text: string, position: Position, what: string): number {
  const lineStarts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) lineStarts.push(match.index + match[0].length);
  assert.ok(position.line < lineStarts.length, `${what}: line ${position.line} exists`);
  const start = lineStarts[position.line];
  const next = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : text.length;
  const end = start + text.slice(start, next).replace(/(\r\n|\r|\n)$/, '').length;
  const offset = start + position.character;
  assert.ok(offset <= end, `${what}: character ${position.character} is inside line ${position.line}`);
  const before = text.charCodeAt(offset - 1);
  assert.ok(!(before >= 0xd800 && before <= 0xdbff), `${what}: not inside a surrogate pair`);
  return offset;
}

/** The insertions an action's edit makes in `uri`, failing on any edit that replaces or deletes text. */
function insertionsOf(action: CodeAction, uri: string, text: string): Insertion[] {
  const edits: Array<{ range: TextEdit['range']; text: string }> = [];
  for (const [target, list] of Object.entries(action.edit?.changes ?? {})) {
    assert.equal(target, uri, `"${action.title}" edits only its own article`);
    for (const e of list) edits.push({ range: e.range, text: e.newText });
  }
  for (const change of action.edit?.documentChanges ?? []) {
    assert.ok('edits' in change, `"${action.title}" only edits text, never creates, renames or deletes files`);
    assert.equal(change.textDocument.uri, uri, `"${action.title}" edits only its own article`);
    for (const e of change.edits) {
      const inserted = 'snippet' in e ? expandSnippet(e.snippet.value) : 'newText' in e ? e.newText : undefined;
      assert.ok(inserted !== undefined, `"${action.title}" has an edit of a known kind`);
      edits.push({ range: e.range, text: inserted });
    }
  }
  return edits.map((e) => {
    const what = `"${action.title}" in ${path.basename(uri)}`;
    assert.deepEqual(e.range.start, e.range.end, `${what} replaces nothing`);
    assert.ok(e.text.length > 0, `${what} inserts something`);
    return { offset: offsetOf(text, e.range.start, what), text: e.text };
  });
}

/** Applies the insertions, then takes them out again: the bytes must be those of the file. */
function checkReversible(bytes: Buffer, text: string, insertions: Insertion[], what: string): void {
  const sorted = [...insertions].sort((a, b) => b.offset - a.offset);
  let edited = text;
  for (const i of sorted) edited = edited.slice(0, i.offset) + i.text + edited.slice(i.offset);
  let restored = edited;
  let shift = insertions.reduce((sum, i) => sum + i.text.length, 0);
  for (const i of sorted) {
    shift -= i.text.length;
    const at = i.offset + shift;
    assert.equal(restored.slice(at, at + i.text.length), i.text, `${what}: the inserted text is where it was put`);
    restored = restored.slice(0, at) + restored.slice(at + i.text.length);
  }
  assert.ok(Buffer.from(restored, 'utf8').equals(bytes), `${what}: the article outside the insertion is byte for byte the original`);
}

interface Session {
  dir: string;
  client: TestClient;
  files: string[];
}

async function startSession(files: string[], snippets: boolean): Promise<Session> {
  const dir = await makeTempDir('quick-fixes');
  const copies = await copyInto(dir, files);
  // CRLF line endings and text in other scripts before each figure move every position an edit names.
  const rng = new Prng(5);
  await fs.mkdir(path.join(dir, 'variants'));
  for (const file of files.filter((f) => f.includes(`${path.sep}figures${path.sep}`))) {
    const text = readFileSync(file, 'utf8');
    const variant = text.replace(/\n/g, '\r\n').replace(/(^|\r\n)([^\r\n]+)/g, (_, lineBreak: string, line: string) => `${lineBreak}${rng.chance(0.5) ? `${rng.pick(FOREIGN)} ` : ''}${line}`);
    const target = path.join(dir, 'variants', path.basename(file));
    await fs.writeFile(target, variant);
    copies.push(target);
  }
  const { client } = await TestClient.start(dir, {}, snippets ? { workspaceCapabilities: { workspaceEdit: { snippetEditSupport: true } } } : {});
  // The last batch of diagnostics is published as the scan ends, before the status that says so.
  await client.waitFor(() => client.status?.indexing === false && copies.some((f) => (client.diagnostics.get(uriOf(f)) ?? []).length > 0), 120_000, 'the scan to finish');
  return { dir, client, files: copies };
}

async function checkEveryFix(session: Session): Promise<{ actions: number; edits: number; figures: number; withoutPlaceholder: string[] }> {
  let actions = 0;
  let edits = 0;
  let figures = 0;
  const withoutPlaceholder: string[] = [];
  for (const file of session.files) {
    const uri = uriOf(file);
    const diagnostics = session.client.diagnostics.get(uri) ?? [];
    if (diagnostics.length === 0) continue;
    const bytes = await fs.readFile(file);
    const text = bytes.toString('utf8');
    for (const diagnostic of diagnostics) {
      const offered = (await session.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[] | null;
      for (const action of offered ?? []) {
        actions++;
        const insertions = insertionsOf(action, uri, text);
        edits += insertions.length;
        if (insertions.length > 0) checkReversible(bytes, text, insertions, `"${action.title}" in ${path.relative(session.dir, file)}`);
      }
      if (diagnostic.code === 'unsourced-figure') {
        figures++;
        const placeholder = (offered ?? []).some((a) => /placeholder/i.test(a.title) && insertionsOf(a, uri, text).length > 0 && (a.diagnostics ?? []).some((d: Diagnostic) => d.message === diagnostic.message));
        if (!placeholder) withoutPlaceholder.push(`${path.relative(session.dir, file)}:${diagnostic.range.start.line + 1} ${diagnostic.message}`);
      }
    }
  }
  return { actions, edits, figures, withoutPlaceholder };
}

describe('every quick fix over the protocol, as plain text edits', () => {
  let session: Session | undefined;
  before(async () => {
    session = await startSession(fixtureArticles(), false);
  });
  after(async () => {
    await session?.client.stop();
    await removeDir(session?.dir);
  });

  test('only inserts, and every unsourced figure has the placeholder fix', async (t) => {
    const result = await checkEveryFix(session!);
    t.diagnostic(`${result.actions} actions, ${result.edits} insertions, ${result.figures} unsourced figures over ${session!.files.length} articles`);
    if (result.figures === 0) {
      t.skip('no unsourced-figure diagnostics were produced, so the placeholder fix cannot be checked');
      return;
    }
    assert.ok(result.edits > 0, 'some fixes edit text');
    assert.deepEqual(result.withoutPlaceholder, [], 'unsourced figures without the placeholder fix');
  });

  test('marks made at once all reach the shared file, which is never left half-written', async (t) => {
    const { client, dir, files } = session!;
    const marks: Array<{ command: string; arguments?: unknown[] }> = [];
    for (const file of files) {
      for (const diagnostic of (client.diagnostics.get(uriOf(file)) ?? []).filter((d) => d.code === 'unsourced-figure')) {
        if (marks.length >= 12) break;
        const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf(file) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
        const mark = actions.find((a) => a.command?.command === 'provenance.markSourced');
        if (mark?.command) marks.push(mark.command);
      }
    }
    if (marks.length === 0) {
      t.skip('no mark-as-sourced action is offered');
      return;
    }
    await Promise.all(marks.map((m) => client.connection.sendRequest(ExecuteCommandRequest.type, { command: m.command, arguments: m.arguments })));
    const folder = path.join(dir, '.provenance');
    const content = JSON.parse(await fs.readFile(path.join(folder, 'sourced.json'), 'utf8')) as { sourced: Array<{ key: string }> };
    const keys = new Set(marks.map((m) => (m.arguments?.[0] as { key: string }).key));
    assert.deepEqual(new Set(content.sourced.map((e) => e.key)), keys, 'every mark is in the file, once');
    assert.deepEqual((await fs.readdir(folder)).sort(), ['sourced.json'], 'no temporary file is left behind');
  });
});

describe('the same with snippet edits, which leave the cursor inside the placeholder', () => {
  let session: Session | undefined;
  before(async () => {
    session = await startSession(
      fixtureArticles().filter((f) => f.includes(`${path.sep}figures${path.sep}`)),
      true,
    );
  });
  after(async () => {
    await session?.client.stop();
    await removeDir(session?.dir);
  });

  test('only inserts', async (t) => {
    const result = await checkEveryFix(session!);
    t.diagnostic(`${result.actions} actions, ${result.edits} insertions, ${result.figures} unsourced figures`);
    if (result.figures === 0) t.skip('no unsourced-figure diagnostics were produced');
    else assert.deepEqual(result.withoutPlaceholder, []);
  });
});

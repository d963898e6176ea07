import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type Diagnostic,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../protocol/lspClient';
import type { BenchCorpus } from './corpusBuilder';
import { processCpuTicks, processMemory } from './machine';

export interface ColdIndexResult {
  /** From spawning the server to the last article's diagnostics, in ms; undefined when it timed out. */
  wallMs: number | undefined;
  /** Why a run did not finish: over its time limit, stuck (no CPU used), or the server exited. */
  failure?: 'timeout' | 'stalled' | 'exited';
  /** Time until the run finished or was given up: a lower bound on its time when it timed out. */
  elapsedMs: number;
  peakRssMB: number;
  rssMB: number;
  /** Articles that got diagnostics, and the diagnostics published over all of them. */
  published: number;
  diagnostics: number;
  byCode: Record<string, number>;
  /** The server's last log messages (warnings about files it could not analyse end up here). */
  serverLog: string[];
  note?: string;
}

export interface Session {
  client: TestClient;
  cold: ColdIndexResult;
  /** process.hrtime clock (µs) when the server was spawned and when indexing finished, to cut a CPU profile. */
  clock: { spawned: number; indexed: number };
}

const nowMicros = (): number => Number(process.hrtime.bigint() / 1000n);
const STALL_MS = 30_000;

/**
 * Starts the language server on the corpus folder and waits until every article has its diagnostics and
 * the server says it is done indexing.
 */
export async function coldIndex(corpus: BenchCorpus, options: { serverScript: string; initializationOptions?: object; nodeArgs?: string[]; timeoutMs: number }): Promise<Session> {
  const spawned = nowMicros();
  const started = performance.now();
  const { client } = await TestClient.start(corpus.dir, options.initializationOptions, { nodeArgs: options.nodeArgs, serverScript: options.serverScript });
  const expected = corpus.manifest.files;
  // Files the server could not analyse are reported with an input-problem diagnostic instead of being indexed.
  const problems = (): number => [...client.diagnostics.values()].filter((list) => list.some((d) => d.code === 'input-problem')).length;
  const done = (): boolean => client.diagnostics.size >= expected && client.status?.indexing === false && client.status.articles + problems() >= expected;
  let wallMs: number | undefined;
  let note: string | undefined;
  let failure: ColdIndexResult['failure'];
  const exited = new Promise<never>((_, reject) => client.process.once('exit', (code) => reject(new Error(`the server exited with status ${code}`))));
  // A server that stops using CPU before it is done is stuck, not slow: no point waiting for the time limit.
  let watchdog: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    let lastTicks = -1;
    let idleSince = performance.now();
    watchdog = setInterval(() => {
      const ticks = processCpuTicks(client.process.pid!);
      if (ticks === undefined || ticks !== lastTicks) idleSince = performance.now();
      lastTicks = ticks ?? -1;
      if (performance.now() - idleSince > STALL_MS) reject(new Error(`the server went idle for ${STALL_MS / 1000} s before it was done`));
    }, 1000);
  });
  for (const promise of [exited, stalled]) promise.catch(() => undefined);
  try {
    await Promise.race([client.waitFor(done, options.timeoutMs, 'the cold index'), exited, stalled]);
    wallMs = performance.now() - started;
  } catch (error) {
    failure = client.process.exitCode !== null ? 'exited' : (error as Error).message.startsWith('timed out') ? 'timeout' : 'stalled';
    const reason = failure === 'timeout' ? `timed out after ${options.timeoutMs / 1000} s` : (error as Error).message;
    const said = [...client.log.slice(-3), client.stderr.join('').trim().split('\n').slice(-3).join(' ')].filter(Boolean).join(' | ');
    note = `${reason}, with ${client.diagnostics.size} of ${expected} articles published and status ${JSON.stringify(client.status)}${said ? `; server said: ${said.slice(0, 400)}` : ''}`;
  } finally {
    clearInterval(watchdog);
  }
  const indexed = nowMicros();
  const memory = processMemory(client.process.pid!) ?? { peakMB: Number.NaN, rssMB: Number.NaN };
  const byCode: Record<string, number> = {};
  let diagnostics = 0;
  for (const list of client.diagnostics.values()) {
    diagnostics += list.length;
    for (const d of list) byCode[String(d.code)] = (byCode[String(d.code)] ?? 0) + 1;
  }
  return {
    client,
    cold: { wallMs, failure, elapsedMs: performance.now() - started, peakRssMB: memory.peakMB, rssMB: memory.rssMB, published: client.diagnostics.size, diagnostics, byCode, serverLog: client.log.slice(-5), note },
    clock: { spawned, indexed },
  };
}

export interface InteractiveResult {
  /** didChange → publishDiagnostics for the edited article, in ms. */
  keystrokes: number[];
  hovers: number[];
  codeActions: number[];
  /** Diagnostics on the long article when the measurements started. */
  flagged: number;
  words: number;
  clock: { typingStart: number; typingEnd: number };
  note?: string;
}

/** Where each measured keystroke goes: inside paragraphs spread over the article, copied ones included. */
function editOffsets(text: string, flagged: Diagnostic[], doc: TextDocument, count: number): number[] {
  const paragraphStarts: number[] = [];
  for (const match of text.matchAll(/\n\n(?=\S)/g)) paragraphStarts.push(match.index + 2);
  const flaggedStarts = flagged.map((d) => doc.offsetAt(d.range.start));
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) {
    const starts = i % 4 === 3 && flaggedStarts.length > 0 ? flaggedStarts : paragraphStarts;
    const start = starts[(i * 7) % starts.length];
    // Into the paragraph's first sentence, at the start of a word, so the typed word stands on its own.
    const space = text.indexOf(' ', start + 20);
    offsets.push(space > 0 ? space + 1 : start);
  }
  return offsets;
}

/**
 * Typing, hovering and asking for quick fixes in an article of the workspace over LSP: the long article
 * unless `plan.article` names another (relative to the corpus folder). Each keystroke waits for the
 * article's diagnostics before the next one, so each latency is one analysis.
 */
export async function interactive(session: Session, corpus: BenchCorpus, plan: { keystrokes: number; warmup: number; requests: number; maxTypingMs: number; article?: string }): Promise<InteractiveResult> {
  const { client } = session;
  const file = path.join(corpus.dir, plan.article ?? corpus.manifest.longArticle);
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  let doc = TextDocument.create(uri, 'plaintext', 1, text);
  const flagged = client.diagnostics.get(uri) ?? [];
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });

  const hovers: number[] = [];
  const codeActions: number[] = [];
  // Without a finding the requests still go to a position in the text, so their cost is measured anyway.
  const fallback: Diagnostic = { range: { start: { line: 2, character: 3 }, end: { line: 2, character: 9 } }, message: '' };
  let failedRequests = 0;
  let lastFailure = '';
  const request = async (send: () => Promise<unknown>, into: number[]): Promise<void> => {
    const started = performance.now();
    try {
      await send();
      into.push(performance.now() - started);
    } catch (error) {
      failedRequests++;
      lastFailure = (error as Error).message;
    }
  };
  for (let i = 0; i < plan.requests; i++) {
    const target = flagged.length > 0 ? flagged[i % flagged.length] : fallback;
    await request(() => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: target.range.start }), hovers);
    await request(() => client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: target.range, context: { diagnostics: flagged.length > 0 ? [target] : [] } }), codeActions);
  }
  const notes: string[] = [];
  if (failedRequests > 0) notes.push(`${failedRequests} hover/code action request(s) failed: ${lastFailure}`);

  const typingStart = nowMicros();
  const keystrokes: number[] = [];
  const word = 'local ';
  const typingDeadline = performance.now() + plan.maxTypingMs;
  let timeouts = 0;
  const offsets = editOffsets(text, flagged, doc, Math.ceil((plan.keystrokes + plan.warmup) / (word.length * 2)));
  let sent = 0;
  const type = async (change: { range: Range; text: string }): Promise<void> => {
    const before = client.diagnostics.get(uri);
    doc = TextDocument.update(doc, [change], doc.version + 1);
    const started = performance.now();
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [change] });
    try {
      await client.waitFor(() => client.diagnostics.get(uri) !== before, 30_000, 'diagnostics after a keystroke');
      if (sent++ >= plan.warmup) keystrokes.push(performance.now() - started);
    } catch {
      timeouts++;
    }
  };
  const enough = (): boolean => timeouts >= 3 || keystrokes.length >= plan.keystrokes || performance.now() > typingDeadline;
  // Type a word letter by letter, then delete it with backspaces, so the article keeps its length.
  outer: for (const offset of offsets) {
    for (let i = 0; i < word.length; i++) {
      const at = doc.positionAt(offset + i);
      await type({ range: { start: at, end: at }, text: word[i] });
      if (enough()) break outer;
    }
    for (let i = word.length; i > 0; i--) {
      await type({ range: { start: doc.positionAt(offset + i - 1), end: doc.positionAt(offset + i) }, text: '' });
      if (enough()) break outer;
    }
  }
  if (timeouts > 0) notes.push(`${timeouts} keystroke(s) got no diagnostics within 30 s`);
  if (keystrokes.length < plan.keystrokes && timeouts < 3) notes.push(`typing stopped after ${(plan.maxTypingMs / 1000).toFixed(0)} s`);
  return { keystrokes, hovers, codeActions, flagged: flagged.length, words: text.split(/\s+/).filter(Boolean).length, clock: { typingStart, typingEnd: nowMicros() }, note: notes.join('; ') || undefined };
}

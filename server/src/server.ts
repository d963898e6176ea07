import * as path from 'node:path';
import {
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Diagnostic,
  type InitializeResult,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { createCorpus, MarkedSourced, type Article, type CopyDetectorOptions, type Finding } from './analysis';
import { EVERY_FILE, type FileSelection } from './files/articleFilter';
import { isArticlePath } from './files/findArticleFiles';
import { isSourcedFile } from './files/sourcedFile';
import { codeActionsFor, MARK_SOURCED_COMMAND, type MarkSourcedArguments } from './lsp/codeActions';
import { SharedSourcedMarks } from './lsp/suppressions';
import { DIAGNOSTIC_SOURCE, toDiagnostic, toSummary } from './lsp/convert';
import { hoverFor } from './lsp/hover';
import { SEMANTIC_TOKENS_LEGEND, semanticTokensFor } from './lsp/semanticTokens';
import { WorkspaceIndex, type IndexListener } from './workspaceIndex';
import { heapCheckWithin } from './heapRoom';
import { DocumentFindingsRequest, ExportReportRequest, ReindexRequest, StatusNotification, type StatusParams } from '../../shared/protocol';
import { formatMarkdown } from './report/formats';
import { buildReport } from './report/report';

const connection = createConnection(ProposedFeatures.all);
// A failed background task (a message the client refused, a file that vanished mid-read) must not
// end the server and with it every squiggle in the editor: log it and carry on.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`Unexpected failure: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});
const documents = new TextDocuments(TextDocument);

/** What the client passes as `initializationOptions`; every field is optional. */
interface Settings {
  debounceMs: number;
  maxFileSizeMB: number;
  /** Heap the index may take; 0: as much as Node safely allows. */
  maxMemoryMB: number;
  copies: Partial<CopyDetectorOptions>;
  files: FileSelection;
  /** False in an untrusted workspace: the server then writes nothing into it. */
  trusted: boolean;
}
let settings: Settings = { debounceMs: 150, maxFileSizeMB: 10, maxMemoryMB: 0, copies: {}, files: EVERY_FILE, trusted: true };
let indexing = false;
let canWatchFiles = false;
let canShowProgress = false;
let hasWorkspaceFolders = false;
let canInsertSnippets = false;
let canRefreshSemanticTokens = false;

let scanProgress: WorkDoneProgressServerReporter | undefined;
let reportedPercent = -1;

const pendingPublish = new Set<string>();
/**
 * Per open document with an edit not yet analysed: the timer of that analysis (see debounceMs), and a
 * promise kept for the whole burst of keystrokes that resolves once it has run.
 */
interface PendingEdit {
  timer: NodeJS.Timeout;
  settled: Promise<void>;
  resolve: () => void;
}
const pendingEdits = new Map<string, PendingEdit>();

function burstOfEdits(): Omit<PendingEdit, 'timer'> {
  let resolve = (): void => undefined;
  const settled = new Promise<void>((done) => (resolve = done));
  return { settled, resolve };
}

/** Ends the document's pending edit: analysed when `text` is given (typing paused), dropped when the document closed. */
function settleEdit(uri: string, text?: string): void {
  const pending = pendingEdits.get(uri);
  if (!pending) return;
  clearTimeout(pending.timer);
  pendingEdits.delete(uri);
  if (text !== undefined) index.setOpenText(uri, text);
  pending.resolve();
  // An edit that changed nothing publishes nothing itself: what waited for it goes on now.
  if (pendingPublish.size > 0) schedulePublish();
}
/** Cancels the publishing scheduled, if any. */
let cancelPublish: (() => void) | undefined;
/** While the workspace is indexed, findings are published in batches: each new article can change many. */
const INDEXING_PUBLISH_INTERVAL_MS = 1000;

function schedulePublish(): void {
  if (cancelPublish) return;
  if (!indexing) return publishNextTurn();
  const timer = setTimeout(flushPublish, INDEXING_PUBLISH_INTERVAL_MS);
  cancelPublish = () => clearTimeout(timer);
}

/**
 * Publishes once the messages already received have had their turn. Not `setTimeout(…, 0)`, which
 * sleeps a millisecond: between the 10 ms slices of a workspace's findings, that left the server idle
 * for about 6% of the time it took to publish them after a scan.
 */
function publishNextTurn(): void {
  const immediate = setImmediate(flushPublish);
  cancelPublish = () => clearImmediate(immediate);
}

const markedSourced = new MarkedSourced();
const sharedMarks = new SharedSourcedMarks(markedSourced);
const listener: IndexListener = {
  changed(uris) {
    for (const uri of uris) pendingPublish.add(uri);
    schedulePublish();
  },
  problem(uri, problem) {
    connection.console.warn(`${label(uri)}: ${problem}`);
    pendingPublish.add(uri);
    schedulePublish();
  },
  warning(message) {
    connection.console.warn(`Provenance: ${message}`);
  },
  alert(message) {
    connection.console.warn(message);
    // A notification: the message offers no choice, so nothing waits for it to be dismissed.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  },
  progress(done, total) {
    // Reporting every file would flood the client; whole percents are enough.
    const percent = Math.floor((done / total) * 100);
    if (percent === reportedPercent) return;
    reportedPercent = percent;
    scanProgress?.report(percent, `${done} of ${total} articles`);
  },
};
/** Created at initialization, once the client's settings for the checks are known. */
let index: WorkspaceIndex;

function label(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? path.basename(parsed.fsPath) : uri;
}

function lookup(uri: string) {
  return index.article(uri);
}

function diagnosticsFor(uri: string): Diagnostic[] {
  const problem = index.problemOf(uri);
  if (problem) {
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, code: 'input-problem', message: `${label(uri)} ${problem}` }];
  }
  const article = index.article(uri);
  if (!article) return [];
  return index.findings(uri).map((finding) => toDiagnostic(finding, article, lookup));
}

/** Longest stretch spent computing and publishing other articles' findings before edits and requests get a turn. */
const PUBLISH_SLICE_MS = 10;
/**
 * For this long after an open document was edited, other articles are published one per turn: the
 * next keystroke then waits for one article's findings at most rather than for a whole slice.
 */
const TYPING_PAUSE_MS = 1000;
let lastEdit = Number.NEGATIVE_INFINITY;
let openDocumentPublished = false;
/** Diagnostics last published per document, for the status bar's count without recomputing anything. */
const publishedCounts = new Map<string, number>();

/**
 * Publishes the pending documents, open ones first, in slices: after indexing a workspace thousands of
 * articles wait, and each is pushed as soon as its findings are ready while typing stays responsive.
 */
function flushPublish(): void {
  cancelPublish = undefined;
  // Typing goes first: the edit's own analysis publishes again when it is done.
  if (pendingEdits.size > 0) return;
  let openPublishedNow = false;
  for (const uri of documents.keys()) {
    if (!pendingPublish.has(uri)) continue;
    publish(uri);
    openDocumentPublished = openPublishedNow = true;
  }
  // The open documents' diagnostics leave before work on the others starts: they are what the user
  // waits for, and messages are only written out once this turn of the event loop ends.
  if (!openPublishedNow) {
    const started = Date.now();
    const typing = started - lastEdit < TYPING_PAUSE_MS;
    for (const uri of pendingPublish) {
      publish(uri);
      if (typing || Date.now() - started > PUBLISH_SLICE_MS) break;
    }
  }
  if (pendingPublish.size > 0) {
    publishNextTurn();
    return;
  }
  // Figures change colour when their findings change, even where the text did not (a figure marked as
  // sourced, an edit in another article).
  if (canRefreshSemanticTokens && openDocumentPublished) void connection.languages.semanticTokens.refresh();
  openDocumentPublished = false;
  sendStatus();
}

function publish(uri: string): void {
  pendingPublish.delete(uri);
  const diagnostics = diagnosticsFor(uri);
  publishedCounts.set(uri, diagnostics.length);
  void connection.sendDiagnostics({ uri, diagnostics });
}

function status(): StatusParams {
  let findings = 0;
  for (const count of publishedCounts.values()) findings += count;
  return { articles: index.corpus.size, findings, indexing };
}

function sendStatus(): void {
  void connection.sendNotification(StatusNotification, status());
}

/** Settings from the client, keeping the default wherever a value is missing or of the wrong type. */
function withClientSettings(defaults: Settings, options: unknown): Settings {
  const given = (options ?? {}) as Record<string, unknown>;
  const number = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback);
  const copies = (given.copies ?? {}) as Record<string, unknown>;
  const files = (given.files ?? {}) as Record<string, unknown>;
  const patterns = (value: unknown, fallback: string[]) => (Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : fallback);
  return {
    debounceMs: number(given.debounceMs, defaults.debounceMs),
    maxFileSizeMB: number(given.maxFileSizeMB, defaults.maxFileSizeMB) || defaults.maxFileSizeMB,
    maxMemoryMB: number(given.maxMemoryMB, defaults.maxMemoryMB),
    copies: {
      ...(typeof copies.minWords === 'number' ? { minWords: copies.minWords } : {}),
      ...(typeof copies.similarityThreshold === 'number' ? { similarityThreshold: copies.similarityThreshold } : {}),
    },
    files: { include: patterns(files.include, defaults.files.include), exclude: patterns(files.exclude, defaults.files.exclude) },
    trusted: given.trusted !== false,
  };
}

connection.onInitialize((params): InitializeResult => {
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  settings = withClientSettings(settings, params.initializationOptions);
  index = new WorkspaceIndex(createCorpus({ markedSourced, copies: settings.copies }), listener, settings.files, undefined, heapCheckWithin(settings.maxMemoryMB));
  index.setFolders(folders);
  sharedMarks.setFolders(folders);
  canInsertSnippets = params.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
  canRefreshSemanticTokens = params.capabilities.workspace?.semanticTokens?.refreshSupport === true;
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canShowProgress = params.capabilities.window?.workDoneProgress === true;
  hasWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
  index.maxFileBytes = settings.maxFileSizeMB * 1024 * 1024;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      executeCommandProvider: { commands: [MARK_SOURCED_COMMAND] },
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'provenance-ls' },
  };
});

connection.onInitialized(async () => {
  if (canWatchFiles) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.txt' }, { globPattern: '**/.provenance/sourced.json' }] });
  }
  if (hasWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
      index.setFolders(folders.map((f) => f.uri));
      sharedMarks.setFolders(folders.map((f) => f.uri));
      await scan();
    });
  }
  await scan();
});

async function scan(): Promise<void> {
  indexing = true;
  sendStatus();
  scanProgress = canShowProgress ? await connection.window.createWorkDoneProgress() : undefined;
  reportedPercent = -1;
  scanProgress?.begin('Provenance: indexing articles', 0, undefined, false);
  try {
    await reloadSharedMarks();
    await index.scan();
  } finally {
    indexing = false;
    scanProgress?.done();
    scanProgress = undefined;
    cancelPublish?.();
    flushPublish();
  }
}

documents.onDidOpen(({ document }) => index.setOpenText(document.uri, document.getText()));
documents.onDidChangeContent(({ document }) => {
  lastEdit = Date.now();
  // Typing produces a change per keystroke; analyse once the burst settles.
  const pending = pendingEdits.get(document.uri);
  if (pending) clearTimeout(pending.timer);
  const { settled, resolve } = pending ?? burstOfEdits();
  const timer = setTimeout(() => settleEdit(document.uri, documents.get(document.uri)?.getText()), settings.debounceMs);
  pendingEdits.set(document.uri, { timer, settled, resolve });
});
documents.onDidClose(({ document }) => {
  settleEdit(document.uri);
  void index.closed(document.uri);
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  for (const change of changes) {
    if (isSourcedFile(URI.parse(change.uri).path)) await reloadSharedMarks();
    if (!isArticlePath(URI.parse(change.uri).path)) continue;
    await index.fileChanged(change.uri, change.type === FileChangeType.Deleted);
  }
});

/**
 * Stops a request the client no longer wants (the user typed on or moved away): a burst of edits leaves
 * a queue of stale hovers and code actions that would each recompute findings for text already gone.
 */
function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/**
 * Lets the messages already on their way in before a request does its work: a request and its
 * cancellation often arrive in separate reads, and a handler that never yields would finish first.
 */
async function startUnlessCancelled(token: CancellationToken): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  throwIfCancelled(token);
}

connection.onHover(async ({ textDocument, position }, token) => {
  await startUnlessCancelled(token);
  const article = index.article(textDocument.uri);
  if (!article) return undefined;
  return hoverFor(index.findings(textDocument.uri), article, article.lines.offsetAt(position), lookup, label);
});

connection.onCodeAction(async ({ textDocument, context }, token) => {
  await startUnlessCancelled(token);
  const article = index.article(textDocument.uri);
  const document = documents.get(textDocument.uri);
  // Offsets of an analysis older than the editor's text would misplace the edits; fresh diagnostics bring a new request.
  if (!article || (document && document.getText() !== article.text)) return [];
  return codeActionsFor(article, index.findings(textDocument.uri), context.diagnostics, { label, snippets: canInsertSnippets, version: document?.version ?? null });
});

connection.onExecuteCommand(async ({ command, arguments: args }) => {
  if (command !== MARK_SOURCED_COMMAND) return;
  if (!settings.trusted) {
    tellUser(MessageType.Warning, 'Provenance writes nothing in an untrusted workspace: trust the workspace to mark figures as sourced.');
    return;
  }
  try {
    index.invalidate(await sharedMarks.add(args?.[0] as MarkSourcedArguments));
  } catch (error) {
    tellUser(MessageType.Error, `Provenance could not mark the figure as sourced: ${error instanceof Error ? error.message : String(error)}`);
  }
});

/**
 * A message for the user. Sent as the `window/showMessage` notification, not the request that
 * `connection.window.show…Message` sends: a client that answers that request with an error would
 * otherwise leave a rejected promise behind and take the server down.
 */
function tellUser(type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type, message });
}

/** Reads the workspace folders' shared "marked as sourced" files into the figure check. */
async function reloadSharedMarks(): Promise<void> {
  const { affected, problems } = await sharedMarks.reload();
  for (const problem of problems) connection.console.warn(`Figures marked as sourced could not be read: ${problem}`);
  index.invalidate(affected);
}

connection.languages.semanticTokens.on(async ({ textDocument }, token) => {
  // The client asks right after each edit: the answer waits for the debounced analysis, so that it colours
  // the text the client shows without analysing every keystroke.
  for (let pending = pendingEdits.get(textDocument.uri); pending; pending = pendingEdits.get(textDocument.uri)) await pending.settled;
  throwIfCancelled(token);
  const article = index.article(textDocument.uri);
  return article ? semanticTokensFor(article, index.findings(textDocument.uri)) : { data: [] };
});

connection.onRequest(DocumentFindingsRequest, async ({ uri }, token) => {
  await startUnlessCancelled(token);
  const article = index.article(uri);
  return { uri, findings: article ? index.findings(uri).map((f) => toSummary(f, article, lookup)) : [] };
});

/** Articles between pauses of a long request, which let edits and cancellation in. */
const REQUEST_SLICE = 100;

connection.onRequest(ExportReportRequest, async (token) => {
  const uris = [...index.corpus.uris()].sort();
  const findings: Finding[] = [];
  // Each article as its findings were taken: one edited meanwhile must not lend them its new line numbers.
  const taken = new Map<string, Article>();
  for (let i = 0; i < uris.length; i++) {
    if (i % REQUEST_SLICE === 0) {
      await new Promise((resolve) => setImmediate(resolve));
      throwIfCancelled(token);
    }
    const article = index.article(uris[i]);
    if (!article) continue;
    taken.set(uris[i], article);
    findings.push(...index.findings(uris[i]));
  }
  const report = buildReport(findings, (uri) => taken.get(uri) ?? lookup(uri), (uri) => index.relativePath(uri));
  return { markdown: formatMarkdown(report) };
});

connection.onRequest(ReindexRequest, async () => {
  await scan();
  return status();
});

documents.listen(connection);
connection.listen();

import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ExitNotification,
  ShutdownRequest,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
  type WorkspaceClientCapabilities,
} from 'vscode-languageserver-protocol/node';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { pathToFileURL } from 'node:url';
import { StatusNotification, type StatusParams } from '../../shared/protocol';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/lsp/semanticTokens';

/** The words that semantic tokens (LSP's relative encoding) colour as figures, sourced or not, in `text`. */
export function figureTexts(data: readonly number[], text: string): string[] {
  const lines = text.split('\n');
  const found: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const type = SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]];
    if (type === 'newsUnsourcedFigure' || type === 'newsFigure') found.push(lines[line].slice(character, character + data[i + 2]));
  }
  return found;
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** A language client for tests: spawns `bin/provenance-ls --stdio` and keeps the latest diagnostics per document. */
export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams['diagnostics']>();
  /** The documents diagnostics were published for, in the order they came. */
  readonly published: string[] = [];
  private readonly waiters: Array<() => void> = [];
  readonly stderr: string[] = [];
  /** Messages the server logged, so a failing test can show them. */
  readonly log: string[] = [];
  /** What the server asked to show the user (window/showMessage). */
  readonly shown: string[] = [];
  /** The latest `provenance/status` the server sent. */
  status: StatusParams | undefined;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.published.push(params.uri);
      for (const wake of this.waiters.splice(0)) wake();
    });
    connection.onNotification(StatusNotification, (params) => {
      this.status = params;
      for (const wake of this.waiters.splice(0)) wake();
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.log.push(params.message);
    });
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.shown.push(params.message);
    });
  }

  /**
   * `launch.nodeArgs` go to the server's Node process (e.g. `--cpu-prof`); `launch.serverScript` replaces
   * `bin/provenance-ls`, e.g. with a copy of the bundle that a rebuild cannot change mid-measurement;
   * `launch.workspaceCapabilities` adds client capabilities, e.g. snippet edits.
   */
  static async start(
    workspaceFolder: string,
    initializationOptions: object = {},
    launch: { nodeArgs?: string[]; serverScript?: string; workspaceCapabilities?: WorkspaceClientCapabilities } = {},
  ): Promise<{ client: TestClient; result: InitializeResult }> {
    const script = launch.serverScript ?? path.join(REPO_ROOT, 'bin', 'provenance-ls');
    const child = spawn(process.execPath, [...(launch.nodeArgs ?? []), script, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection);
    child.stderr!.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString()));
    connection.listen();
    const folderUri = pathToFileURL(workspaceFolder).href;
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: path.basename(workspaceFolder) }],
      capabilities: { window: { workDoneProgress: true }, workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, ...launch.workspaceCapabilities } },
      initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, result };
  }

  /** Resolves once `predicate` holds for the diagnostics and status received so far, or rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 20_000, what = 'diagnostics'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`timed out waiting for ${what}; server log:\n${this.log.join('\n')}\n${this.stderr.join('')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      const timer = setTimeout(() => this.process.kill(), 5000);
      await exited;
      clearTimeout(timer);
      this.connection.dispose();
    }
  }
}

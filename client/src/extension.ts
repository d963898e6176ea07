import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusNotification, ReindexRequest } from '../../shared/protocol';
import { exportReport, openSampleArticle, openSettings, treatFolderAsNews } from './commands';
import { FindingsPanel, type PanelNode } from './findingsPanel';
import { comparePassages, PASSAGE_SCHEME, PassageContentProvider } from './passageCompare';
import { StatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** What the extension hands to other extensions (and to its own tests in the extension host). */
export interface ProvenanceApi {
  findingsPanel: FindingsPanel;
}

export async function activate(context: vscode.ExtensionContext): Promise<ProvenanceApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plaintext', pattern: '**/*.txt' },
      { scheme: 'untitled', language: 'plaintext' },
      { language: 'news' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.txt') },
    // Read at every (re)start, so a restart picks up changed settings and granted workspace trust.
    initializationOptions: () => {
      const configuration = vscode.workspace.getConfiguration('provenance');
      return {
        debounceMs: configuration.get<number>('debounceMs'),
        maxFileSizeMB: configuration.get<number>('maxFileSizeMB'),
        maxMemoryMB: configuration.get<number>('maxMemoryMB'),
        copies: {
          minWords: configuration.get<number>('copies.minWords'),
          similarityThreshold: configuration.get<number>('copies.similarityThreshold'),
        },
        files: {
          include: configuration.get<string[]>('files.include'),
          exclude: configuration.get<string[]>('files.exclude'),
        },
        trusted: vscode.workspace.isTrusted,
      };
    },
  };
  client = new LanguageClient('provenance', 'Provenance', serverOptions, clientOptions);

  const statusBar = new StatusBar();
  const panel = new FindingsPanel(client);
  context.subscriptions.push(statusBar, panel, vscode.window.registerTreeDataProvider('provenance.findings', panel));

  let everRunning = false;
  let restartRequested = false;
  const restart = async (): Promise<void> => {
    restartRequested = true;
    await client?.restart();
  };
  context.subscriptions.push(
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) {
        // A start nobody asked for means the client brought a crashed server back.
        if (everRunning && !restartRequested) void vscode.window.showWarningMessage('The Provenance language server stopped unexpectedly and was restarted. Findings are being recomputed.');
        everRunning = true;
        restartRequested = false;
        panel.refresh();
      } else if (newState === State.Stopped) statusBar.stopped();
    }),
    client.onNotification(StatusNotification, (status) => {
      statusBar.update(status);
      panel.refresh();
    }),
    vscode.commands.registerCommand('provenance.reindex', async () => {
      if (client) statusBar.update(await client.sendRequest(ReindexRequest));
    }),
    vscode.commands.registerCommand('provenance.restartServer', restart),
    vscode.commands.registerCommand('provenance.showFindings', async () => {
      await vscode.commands.executeCommand('provenance.findings.focus');
    }),
    vscode.commands.registerCommand('provenance.exportReport', () => (client ? exportReport(client) : undefined)),
    vscode.commands.registerCommand('provenance.treatFolderAsNews', treatFolderAsNews),
    vscode.commands.registerCommand('provenance.openSettings', openSettings),
    vscode.commands.registerCommand('provenance.openSample', () => openSampleArticle(context.extensionPath)),
    vscode.commands.registerCommand('provenance.comparePassage', (node: PanelNode) => {
      if (node?.kind === 'passage') return comparePassages({ uri: node.from.uri, range: node.from.finding.range }, node.passage);
      return undefined;
    }),
    vscode.workspace.registerTextDocumentContentProvider(PASSAGE_SCHEME, new PassageContentProvider()),
    vscode.window.onDidChangeActiveTextEditor(() => panel.refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('provenance')) void restart();
    }),
  );
  await client.start();
  return { findingsPanel: panel };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

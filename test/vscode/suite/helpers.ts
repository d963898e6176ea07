import * as vscode from 'vscode';

/** A file of the opened workspace (the runners open a temp copy of seeds/). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFile(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/**
 * Polls until `probe` returns a value, because the language server analyses asynchronously and has no
 * "done" event the tests could await. On timeout the error carries `describe()`, so a failure says what
 * was there instead.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  describe: () => string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Hover contents as the plain text a user reads: markdown backslash escapes removed. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/\\(.)/g, '$1');
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'there were no diagnostics';
  const lines = diagnostics.map((d) => {
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    const related = (d.relatedInformation ?? []).map((r) => r.location.uri.path.split('/').pop()).join(', ');
    return `  ${d.source}/${String(code)} @${d.range.start.line}:${d.range.start.character} "${d.message}"${related ? ` -> ${related}` : ''}`;
  });
  return `diagnostics were:\n${lines.join('\n')}`;
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

/** The file name a uri ends with, for matching and for messages. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

/**
 * What the extension returns from activate(). Panel nodes stay opaque: the tests read them through
 * getTreeItem(), which is all the tree view shows a user.
 */
export interface ProvenanceApi {
  readonly findingsPanel: vscode.TreeDataProvider<PanelNode>;
}
export type PanelNode = object;

export async function provenanceApi(): Promise<ProvenanceApi> {
  const extension = vscode.extensions.getExtension<ProvenanceApi>('provenance.provenance');
  if (!extension) throw new Error('the extension provenance.provenance is not loaded');
  return extension.activate();
}

/** The (uri, selection) a tree item opens when clicked, as its `vscode.open` command carries them. */
export function openTarget(item: vscode.TreeItem): { uri: vscode.Uri; selection: vscode.Range } | undefined {
  const [uri, options] = (item.command?.command === 'vscode.open' ? item.command.arguments : undefined) ?? [];
  const selection = (options as vscode.TextDocumentShowOptions | undefined)?.selection;
  return uri instanceof vscode.Uri && selection ? { uri, selection } : undefined;
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportReportRequest } from '../../shared/protocol';

/** Maps the folder's `.txt` files to the News Article language, in that folder's settings only. */
export async function treatFolderAsNews(): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Open a folder first: the association is saved in the folder’s settings.');
    return;
  }
  const files = vscode.workspace.getConfiguration('files', folder.uri);
  const associations = { ...(files.get<Record<string, string>>('associations') ?? {}), '*.txt': 'news' };
  await files.update('associations', associations, vscode.ConfigurationTarget.WorkspaceFolder);
  void vscode.window.showInformationMessage(`The .txt files in ${folder.name} now open as News Articles.`);
}

export async function exportReport(client: LanguageClient): Promise<void> {
  const { markdown } = await client.sendRequest(ExportReportRequest);
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(document);
}

export async function openSettings(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', '@ext:provenance.provenance');
}

export async function openSampleArticle(extensionPath: string): Promise<void> {
  const sample = vscode.Uri.file(path.join(extensionPath, 'seeds', '000_8923a64fda5dc978.txt'));
  await vscode.window.showTextDocument(sample);
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportReportRequest } from '../../shared/protocol';

/**
 * Maps `.txt` files to the News Article language in the workspace settings (for a single folder, its
 * .vscode/settings.json). VS Code refuses `files.associations` in folder settings, so in a multi-root
 * workspace the mapping covers every folder.
 */
export async function treatFolderAsNews(): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage('Open a folder first: the association is saved in the folder’s settings.');
    return;
  }
  const files = vscode.workspace.getConfiguration('files');
  // Only the workspace's own associations: the merged value would copy the user's into the workspace.
  const associations = { ...(files.inspect<Record<string, string>>('associations')?.workspaceValue ?? {}), '*.txt': 'news' };
  await files.update('associations', associations, vscode.ConfigurationTarget.Workspace);
  void vscode.window.showInformationMessage(`The .txt files in ${vscode.workspace.name ?? 'this workspace'} now open as News Articles.`);
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

import * as vscode from 'vscode';
import type { StatusParams } from '../../shared/protocol';

/** Counts of indexed articles and findings; a click opens the findings panel. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('provenance.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Provenance';
    this.item.command = 'provenance.showFindings';
    this.item.text = '$(sync~spin) Provenance';
    this.item.tooltip = 'Provenance is starting';
    this.item.show();
  }

  update(status: StatusParams): void {
    const articles = `${status.articles} article${status.articles === 1 ? '' : 's'}`;
    const findings = `${status.findings} finding${status.findings === 1 ? '' : 's'}`;
    this.item.text = status.indexing ? `$(sync~spin) Provenance: ${articles}` : `$(checklist) Provenance: ${articles}, ${findings}`;
    this.item.tooltip = status.indexing ? `Indexing articles… ${articles} so far` : `${articles} indexed, ${findings}. Click to show the findings panel.`;
    this.item.backgroundColor = undefined;
  }

  stopped(): void {
    this.item.text = '$(error) Provenance stopped';
    this.item.tooltip = 'The Provenance language server is not running. Run "Provenance: Restart Server".';
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  dispose(): void {
    this.item.dispose();
  }
}

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentFindingsRequest, type FindingSummary, type PassageLink } from '../../shared/protocol';
import { PASSAGE_SCHEME, passageRef } from './passageCompare';

export type PanelNode = { kind: 'finding'; uri: string; finding: FindingSummary } | { kind: 'passage'; from: { uri: string; finding: FindingSummary }; passage: PassageLink };

const ICONS: Record<string, string> = {
  'copied-passage': 'files',
  'repeated-passage': 'copy',
  'unsourced-figure': 'question',
  'conflicting-date': 'calendar',
};

/** The side panel: findings of the active article, each with the passages it links to in other files. */
export class FindingsPanel implements vscode.TreeDataProvider<PanelNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PanelNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    // Status notifications arrive in bursts while indexing; redraw once they settle.
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.changed.fire(undefined), 100);
  }

  async getChildren(node?: PanelNode): Promise<PanelNode[]> {
    if (node?.kind === 'finding') return node.finding.related.map((passage) => ({ kind: 'passage', from: node, passage }));
    if (node) return [];
    const uri = activeArticle();
    if (!uri || !this.client.isRunning()) return [];
    const result = await this.client.sendRequest(DocumentFindingsRequest, { uri });
    return result.findings.map((finding) => ({ kind: 'finding', uri, finding }));
  }

  getTreeItem(node: PanelNode): vscode.TreeItem {
    if (node.kind === 'finding') {
      const { finding } = node;
      const item = new vscode.TreeItem(finding.message, finding.related.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.description = `line ${finding.range.start.line + 1}`;
      item.tooltip = new vscode.MarkdownString().appendText(finding.text);
      item.iconPath = new vscode.ThemeIcon(ICONS[finding.code] ?? 'info');
      item.contextValue = 'finding';
      item.command = { command: 'vscode.open', title: 'Show', arguments: [vscode.Uri.parse(node.uri), { selection: toRange(finding.range) }] };
      return item;
    }
    const { passage } = node;
    const target = vscode.Uri.parse(passage.uri);
    const item = new vscode.TreeItem(vscode.workspace.asRelativePath(target), vscode.TreeItemCollapsibleState.None);
    item.description = `line ${passage.range.start.line + 1} — ${passage.message}`;
    item.tooltip = new vscode.MarkdownString().appendText(passage.text);
    item.iconPath = vscode.ThemeIcon.File;
    item.resourceUri = target;
    item.contextValue = 'passage';
    item.command = { command: 'vscode.open', title: 'Open passage', arguments: [target, { selection: toRange(passage.range) }] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.changed.dispose();
  }
}

/**
 * The article whose findings to list. A Compare diff shows two passages rather than an article; while it
 * is active, the list stays on the article Compare was clicked in, whose passage is on the left.
 */
function activeArticle(): string | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputTextDiff && input.original.scheme === PASSAGE_SCHEME) return passageRef(input.original).uri;
  return vscode.window.activeTextEditor?.document.uri.toString();
}

function toRange(range: FindingSummary['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

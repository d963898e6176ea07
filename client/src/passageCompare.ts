import * as vscode from 'vscode';

export const PASSAGE_SCHEME = 'provenance-passage';

interface PassageRef {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/**
 * Serves the text of one passage of an article as a read-only document, so VS Code's diff editor can
 * put two passages side by side without the rest of their files.
 */
export class PassageContentProvider implements vscode.TextDocumentContentProvider {
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = passageRef(uri);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.uri));
    const { start, end } = ref.range;
    // One sentence a line makes a reworded passage easy to compare.
    return document
      .getText(new vscode.Range(start.line, start.character, end.line, end.character))
      .replace(/\s+/g, ' ')
      .replace(/([.!?]["”’]?) (?=\S)/g, '$1\n')
      .trim();
  }
}

export function passageRef(uri: vscode.Uri): PassageRef {
  return JSON.parse(uri.query) as PassageRef;
}

export function passageUri(ref: PassageRef): vscode.Uri {
  const name = vscode.Uri.parse(ref.uri).path.split('/').pop() ?? 'passage';
  return vscode.Uri.from({ scheme: PASSAGE_SCHEME, path: `/${name}`, query: JSON.stringify(ref) });
}

export async function comparePassages(left: PassageRef, right: PassageRef): Promise<void> {
  const leftName = vscode.workspace.asRelativePath(vscode.Uri.parse(left.uri));
  const rightName = vscode.workspace.asRelativePath(vscode.Uri.parse(right.uri));
  await vscode.commands.executeCommand('vscode.diff', passageUri(left), passageUri(right), `${leftName} ↔ ${rightName}`);
}

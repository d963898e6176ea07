import * as vscode from 'vscode';
import { baseName, codeOf, describeDiagnostics, openFile, waitFor, workspaceFile } from './helpers';

// Seed 000 reuses sentences of seed 001 word for word.
const ARTICLE = '000_8923a64fda5dc978.txt';
const SOURCE = '001_30e3fa680b242716.txt';

suite('settings', () => {
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('provenance').update('files.exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('an article excluded by provenance.files.exclude loses its findings and is no source of copies until included again', async () => {
    const editor = await openFile(ARTICLE);
    const uri = editor.document.uri;
    const sourceUri = workspaceFile(SOURCE);
    const linksToSource = (): boolean =>
      vscode.languages
        .getDiagnostics(uri)
        .filter((d) => d.source === 'provenance' && codeOf(d) === 'copied-passage')
        .some((d) => (d.relatedInformation ?? []).some((r) => baseName(r.location.uri) === SOURCE));
    const sourceFindings = (): number => vscode.languages.getDiagnostics(sourceUri).filter((d) => d.source === 'provenance').length;
    const describe = (): string => `${ARTICLE}:\n${describeDiagnostics(vscode.languages.getDiagnostics(uri))}\n${SOURCE}: ${sourceFindings()} findings`;
    await waitFor('a copied passage linked to the source article', () => linksToSource() || undefined, describe);

    await vscode.workspace.getConfiguration('provenance').update('files.exclude', ['001_*'], vscode.ConfigurationTarget.Workspace);
    // The article keeps its passages shared with 002, so its findings are back from the restarted server.
    const copiedElsewhere = (): boolean => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'provenance' && codeOf(d) === 'copied-passage');
    await waitFor('the excluded article to drop out', () => (copiedElsewhere() && !linksToSource() && sourceFindings() === 0) || undefined, describe, 60_000);

    await vscode.workspace.getConfiguration('provenance').update('files.exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the article to be compared with the source again', () => (linksToSource() && sourceFindings() > 0) || undefined, describe, 60_000);
  });
});

import * as assert from 'assert';
import * as vscode from 'vscode';
import { baseName, codeOf, describeDiagnostics, openFile, waitFor, workspaceFile } from './helpers';

// Seed 000 reuses sentences of seed 001 word for word.
const ARTICLE = '000_8923a64fda5dc978.txt';
const SOURCE = '001_30e3fa680b242716.txt';

suite('settings', () => {
  suiteTeardown(async () => {
    for (const key of ['files.exclude', 'files.include', 'maxMemoryMB']) await vscode.workspace.getConfiguration('provenance').update(key, undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Sets the file selection so that the source article is left out, then back: the article loses it as a source of copies meanwhile. */
  async function leavesOutTheSource(key: 'files.exclude' | 'files.include', patterns: string[]): Promise<void> {
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

    await vscode.workspace.getConfiguration('provenance').update(key, patterns, vscode.ConfigurationTarget.Workspace);
    // The article keeps its passages shared with 002, so its findings are back from the restarted server.
    const copiedElsewhere = (): boolean => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'provenance' && codeOf(d) === 'copied-passage');
    await waitFor('the left-out article to drop out', () => (copiedElsewhere() && !linksToSource() && sourceFindings() === 0) || undefined, describe, 60_000);

    await vscode.workspace.getConfiguration('provenance').update(key, undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the article to be compared with the source again', () => (linksToSource() && sourceFindings() > 0) || undefined, describe, 60_000);
  }

  test('an article excluded by provenance.files.exclude loses its findings and is no source of copies until included again', async () => {
    await leavesOutTheSource('files.exclude', ['001_*']);
  });

  test('an article that provenance.files.include does not select loses its findings and is no source of copies until selected again', async () => {
    await leavesOutTheSource('files.include', ['000_*', '002_*', '003_*', '004_*']);
  });

  test('past the memory limit of provenance.maxMemoryMB, articles are not checked and the Problems panel says why, until the limit is lifted', async () => {
    // Open articles are checked whatever the limit: the user asked for them.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const sourceUri = workspaceFile(SOURCE);
    const sourceDiagnostics = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(sourceUri).filter((d) => d.source === 'provenance');
    const leftOut = (): vscode.Diagnostic | undefined => sourceDiagnostics().find((d) => codeOf(d) === 'input-problem' && /was not checked: Provenance had reached its memory limit \(\d+ MB in use, limit 1 MB\)/.test(d.message));
    const describe = (): string => `${SOURCE}:\n${describeDiagnostics(sourceDiagnostics())}`;
    await waitFor('findings on the source article', () => (sourceDiagnostics().some((d) => codeOf(d) !== 'input-problem') || undefined), describe);

    // No index fits in 1 MB: every article on disk is left out.
    await vscode.workspace.getConfiguration('provenance').update('maxMemoryMB', 1, vscode.ConfigurationTarget.Workspace);
    const problem = await waitFor('the source article reported as not checked', leftOut, describe, 25_000);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(problem.message.startsWith(SOURCE), problem.message);
    assert.equal(sourceDiagnostics().length, 1, describe());

    await vscode.workspace.getConfiguration('provenance').update('maxMemoryMB', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the source article checked again', () => (!leftOut() && sourceDiagnostics().some((d) => codeOf(d) !== 'input-problem')) || undefined, describe, 25_000);
  });
});

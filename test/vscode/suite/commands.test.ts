import * as assert from 'assert';
import * as vscode from 'vscode';
import { baseName, codeOf, describeDiagnostics, hoverText, openFile, waitFor, workspaceFile } from './helpers';

const SEED = '000_8923a64fda5dc978.txt';
const NEWS_ARTICLE = 'zz_news_language.txt';

/** The lines (1-based) of each workspace file's findings, as the Problems panel shows them. */
function findingLines(): Map<string, number[]> {
  const folder = vscode.workspace.workspaceFolders![0].uri.toString();
  const byFile = new Map<string, number[]>();
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    if (!uri.toString().startsWith(folder)) continue;
    const lines = diagnostics.filter((d) => d.source === 'provenance' && codeOf(d) !== 'input-problem').map((d) => d.range.start.line + 1);
    if (lines.length > 0) byFile.set(baseName(uri), lines.sort((a, b) => a - b));
  }
  return byFile;
}

function describeFindings(byFile: ReadonlyMap<string, number[]>): string {
  return [...byFile].map(([file, lines]) => `${file}: lines ${lines.join(', ')}`).join('\n') || 'no findings';
}

/**
 * The findings once the server has stopped publishing: the suite may start while the workspace is still
 * being indexed, and the report must be compared with a complete picture.
 */
async function settledFindings(): Promise<Map<string, number[]>> {
  let last = '';
  let since = Date.now();
  return waitFor(
    'the findings to stop changing',
    () => {
      const current = findingLines();
      const key = describeFindings(current);
      if (key !== last) [last, since] = [key, Date.now()];
      return current.size > 0 && Date.now() - since >= 1_000 ? current : undefined;
    },
    () => last,
  );
}

suite('commands', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Analyze Workspace re-reads every article and keeps the same findings', async () => {
    await openFile(SEED);
    const before = await settledFindings();
    await vscode.commands.executeCommand('provenance.reindex');
    const after = await settledFindings();
    assert.equal(describeFindings(after), describeFindings(before));
  });

  test('Export Report opens a Markdown report naming every file with findings, and their lines', async () => {
    const expected = await settledFindings();
    await vscode.commands.executeCommand('provenance.exportReport');
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'no editor is active after exporting');
    assert.equal(document.languageId, 'markdown');
    assert.ok(document.isUntitled, 'the report must be a new, unsaved document');
    const text = document.getText();
    // An untitled document with content would otherwise ask to be saved when later suites close editors.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // Sections start with "## <file path>"; split the report into them to check each file's lines.
    const sections = new Map(
      text
        .split(/^## /m)
        .slice(1)
        .map((section) => [baseName(vscode.Uri.file(section.slice(0, section.indexOf('\n')).trim())), section] as const),
    );
    for (const [file, lines] of expected) {
      const section = sections.get(file);
      assert.ok(section, `the report has no section for ${file}; it has: ${[...sections.keys()].join(', ')}`);
      for (const line of new Set(lines)) assert.match(section, new RegExp(`Line ${line}\\b`), `the report does not list the finding of ${file} at line ${line}`);
    }
    assert.deepEqual([...sections.keys()].sort(), [...expected.keys()].sort(), 'the report names files without findings');
  });

  suite('Treat This Folder as News', () => {
    let associations: unknown;
    let hadSettingsFolder = false;

    suiteSetup(async () => {
      associations = vscode.workspace.getConfiguration('files').inspect('associations')?.workspaceValue;
      hadSettingsFolder = await vscode.workspace.fs.stat(workspaceFile('.vscode')).then(() => true, () => false);
    });

    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.getConfiguration('files').update('associations', associations, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(workspaceFile(NEWS_ARTICLE), { useTrash: false }).then(undefined, () => undefined);
      if (!hadSettingsFolder) await vscode.workspace.fs.delete(workspaceFile('.vscode'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
      // Later suites expect the seeds to open as plain text again.
      const seed = await vscode.workspace.openTextDocument(workspaceFile(SEED));
      await waitFor('the seeds to open as plain text again', () => (seed.languageId === 'plaintext' ? true : undefined), () => `${SEED} is ${seed.languageId}`, 10_000);
    });

    test('a .txt article opened afterwards is a News Article, and is still checked', async () => {
      const seed = await openFile(SEED);
      assert.equal(seed.document.languageId, 'plaintext', 'the seeds must start as plain text for this test to mean anything');
      await vscode.commands.executeCommand('provenance.treatFolderAsNews');

      const uri = workspaceFile(NEWS_ARTICLE);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('City transit plan\n\nThe city will spend $4.2 million on new buses next year.\n'));
      const document = await vscode.workspace.openTextDocument(uri);
      await waitFor('the new article to open as a News Article', () => (document.languageId === 'news' ? true : undefined), () => `it opened as ${document.languageId}`, 10_000);
      const editor = await vscode.window.showTextDocument(document);
      // What is typed in a News Article is checked before it is saved.
      assert.ok(await editor.edit((edit) => edit.insert(document.positionAt(document.getText().length), 'Fares will rise by 12 percent in March.\n')));
      const flagged = await waitFor(
        `unsourced-figure diagnostics in ${NEWS_ARTICLE} for the saved and the typed figure`,
        () => {
          const figures = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'provenance' && codeOf(d) === 'unsourced-figure').map((d) => document.getText(d.range));
          return figures.some((f) => f.includes('12 percent')) ? figures : undefined;
        },
        () => describeDiagnostics(vscode.languages.getDiagnostics(uri)),
      );
      assert.ok(flagged.includes('$4.2 million'), `flagged: ${flagged.join(' | ')}`);
      // The server reads files from disk too, so diagnostics alone would not show that the client serves
      // News Articles; hovers only come through its document selector.
      const at = document.positionAt(document.getText().indexOf('$4.2 million') + 1);
      const hover = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at)) ?? []);
      assert.ok(hover.includes('$4.2 million'), `the hover in a News Article does not explain the figure:\n${hover}`);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  });
});

import * as assert from 'assert';
import * as vscode from 'vscode';
import { baseName, codeOf, describeDiagnostics, openFile, openTarget, provenanceApi, waitFor, type PanelNode, type ProvenanceApi } from './helpers';

// Seed 000 rewrites passages of seed 001; seed 004 dates the visit differently from seed 003. The panel
// must list those findings for the active article, each with the passage it matches in the other file.
const ARTICLE = '000_8923a64fda5dc978.txt';
const SOURCE = '001_30e3fa680b242716.txt';
const DATED = '004_8a15b43b3049fb90.txt';

interface Shown {
  readonly node: PanelNode;
  readonly item: vscode.TreeItem;
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function shown(api: ProvenanceApi, parent?: PanelNode): Promise<Shown[]> {
  const nodes = (await api.findingsPanel.getChildren(parent)) ?? [];
  return Promise.all(nodes.map(async (node) => ({ node, item: await api.findingsPanel.getTreeItem(node) })));
}

function describeShown(rows: readonly Shown[]): string {
  if (rows.length === 0) return 'the panel was empty';
  return `the panel showed:\n${rows.map(({ item }) => `  ${String(typeof item.label === 'object' ? item.label.label : item.label)} (${item.description ?? ''})`).join('\n')}`;
}

/**
 * Waits for the diagnostic of `code` that points into another file, then for the panel row of the same
 * finding: the panel and the Problems panel reach the server by different paths, so they must agree.
 */
async function findingRow(api: ProvenanceApi, file: string, code: string, relatedTo: (uri: vscode.Uri) => boolean): Promise<{ diagnostic: vscode.Diagnostic; row: Shown; document: vscode.TextDocument }> {
  const { document } = await openFile(file);
  const diagnostic = await waitFor(
    `a provenance/${code} diagnostic in ${file} pointing into another file`,
    () => vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'provenance' && codeOf(d) === code && (d.relatedInformation ?? []).some((r) => relatedTo(r.location.uri))),
    () => describeDiagnostics(vscode.languages.getDiagnostics(document.uri)),
  );
  let rows: Shown[] = [];
  const row = await waitFor(
    `the panel to list the ${code} finding at line ${diagnostic.range.start.line + 1} of ${file}`,
    async () => {
      rows = await shown(api);
      return rows.find(({ item }) => {
        const target = openTarget(item);
        return target?.uri.toString() === document.uri.toString() && target.selection.isEqual(diagnostic.range);
      });
    },
    () => describeShown(rows),
  );
  return { diagnostic, row, document };
}

suite('findings panel', () => {
  let api: ProvenanceApi;

  suiteSetup(async () => {
    api = await provenanceApi();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suite('a copied passage', () => {
    let diagnostic: vscode.Diagnostic;
    let document: vscode.TextDocument;
    let finding: Shown;
    let passage: Shown;
    let expected: vscode.Location;

    suiteSetup(async () => {
      ({ diagnostic, row: finding, document } = await findingRow(api, ARTICLE, 'copied-passage', (uri) => baseName(uri) === SOURCE));
      expected = diagnostic.relatedInformation!.find((r) => baseName(r.location.uri) === SOURCE)!.location;
      const children = await shown(api, finding.node);
      const found = children.find(({ item }) => {
        const target = openTarget(item);
        return target && baseName(target.uri) === SOURCE && target.selection.isEqual(expected.range);
      });
      assert.ok(found, `the finding does not expand to the passage of ${SOURCE} at line ${expected.range.start.line + 1}; ${describeShown(children)}`);
      passage = found;
    });

    test('expands to the passage it matches in the other article, labelled with that file', () => {
      assert.equal(finding.item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'a finding with related passages should show them without a click');
      assert.equal(passage.item.collapsibleState, vscode.TreeItemCollapsibleState.None);
      assert.equal(baseName(passage.item.resourceUri!), SOURCE);
      assert.ok(String(passage.item.label).includes(SOURCE), `the row is labelled ${String(passage.item.label)}`);
      assert.equal(passage.item.contextValue, 'passage', 'without this context value the inline Compare action does not show');
    });

    test('clicking the passage opens the other article with the passage selected', async () => {
      const command = passage.item.command!;
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, 'no editor is active after the click');
      assert.equal(baseName(editor.document.uri), SOURCE);
      assert.ok(editor.selection.isEqual(expected.range), `selected ${JSON.stringify(editor.selection)} instead of ${JSON.stringify(expected.range)}`);
      // The selection is the rewritten original: it shares much of its wording with the passage in 000.
      const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}{5,}/gu) ?? []);
      const ours = words(document.getText(diagnostic.range));
      const shared = [...words(editor.document.getText(editor.selection))].filter((w) => ours.has(w));
      assert.ok(shared.length >= 5, `the selected text shares only ${shared.join(', ')} with the passage of ${ARTICLE}`);
    });

    test('Compare opens a diff editor with the two passages side by side', async () => {
      await vscode.commands.executeCommand('provenance.comparePassage', passage.node);
      const input = await waitFor(
        'a diff editor to become the active tab',
        () => {
          const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
          return tab?.input instanceof vscode.TabInputTextDiff ? tab.input : undefined;
        },
        () => `the active tab was ${vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? 'none'}`,
      );
      const left = await vscode.workspace.openTextDocument(input.original);
      const right = await vscode.workspace.openTextDocument(input.modified);
      const source = await vscode.workspace.openTextDocument(expected.uri);
      assert.equal(flatten(left.getText()), flatten(document.getText(diagnostic.range)), 'the left side is not the passage of the active article');
      assert.equal(flatten(right.getText()), flatten(source.getText(expected.range)), `the right side is not the passage of ${SOURCE}`);

      // The diff is not an article: the panel stays on the article Compare was clicked in.
      const rows = await shown(api);
      assert.ok(rows.length > 0, 'the panel went empty when the diff editor opened');
      for (const { item } of rows) assert.equal(openTarget(item)?.uri.toString(), document.uri.toString());
    });
  });

  test('a conflicting date links to the date it conflicts with in another article', async () => {
    const { diagnostic, row, document } = await findingRow(api, DATED, 'conflicting-date', (uri) => baseName(uri) !== DATED);
    const children = await shown(api, row.node);
    const elsewhere = (diagnostic.relatedInformation ?? []).filter((r) => r.location.uri.toString() !== document.uri.toString());
    for (const { location } of elsewhere) {
      const child = children.find(({ item }) => {
        const target = openTarget(item);
        return target?.uri.toString() === location.uri.toString() && target.selection.isEqual(location.range);
      });
      assert.ok(child, `no row for ${baseName(location.uri)} line ${location.range.start.line + 1}; ${describeShown(children)}`);
      assert.match(String(child.item.description), /date/i, 'the row should say what the other mention dates');
    }
    assert.ok(elsewhere.length > 0);
  });
});

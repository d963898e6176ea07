import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, hoverText, waitFor, workspaceFile } from './helpers';

// A new article repeats a figure that seeds 002 and 003 credit ("a US declaration in February", "South
// Korea's Defense Minister Shin Won-sik") without naming anyone, so the server flags it and offers their sources.
const ARTICLE = 'zz_unsourced_figure.txt';
const PLACEHOLDER_ARTICLE = 'zz_placeholder_figure.txt';
const MARKED_ARTICLE = 'zz_marked_figure.txt';
const SENTENCE = 'Russia has received more than 10,000 shipping containers from North Korea since September.';
const FIGURE = 'more than 10,000 shipping containers';

function unsourcedFigure(uri: vscode.Uri): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(uri).find((d) => d.source === 'provenance' && codeOf(d) === 'unsourced-figure');
}

async function createArticle(name: string, body: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`Arms shipments\n\n${body}\n`));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

async function flagged(editor: vscode.TextEditor): Promise<vscode.Diagnostic> {
  const uri = editor.document.uri;
  return waitFor(`a provenance/unsourced-figure diagnostic in ${uri.path}`, () => unsourcedFigure(uri), () => describeDiagnostics(vscode.languages.getDiagnostics(uri)));
}

async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

async function cleared(uri: vscode.Uri): Promise<void> {
  await waitFor(`the unsourced-figure diagnostic in ${uri.path} to go away`, () => (unsourcedFigure(uri) ? undefined : true), () => describeDiagnostics(vscode.languages.getDiagnostics(uri)));
}

suite('unsourced figures', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of [ARTICLE, PLACEHOLDER_ARTICLE, MARKED_ARTICLE, '.provenance']) {
      await vscode.workspace.fs.delete(workspaceFile(name), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
  });

  test('the figure is flagged, and the hover quotes the seeds that credit it', async () => {
    const editor = await createArticle(ARTICLE, SENTENCE);
    const diagnostic = await flagged(editor);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(editor.document.getText(diagnostic.range), FIGURE);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, diagnostic.range.start);
    const text = hoverText(hovers ?? []);
    assert.ok(text.includes('002_ecee760659c93034.txt') && text.includes('a US declaration in February'), `hover does not cite seed 002:\n${text}`);
    assert.ok(text.includes('003_3c9537aa37a348f1.txt'), `hover does not cite seed 003:\n${text}`);
  });

  test('"Cite …" inserts the attribution of another article and the warning goes away', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(ARTICLE)));
    const diagnostic = await flagged(editor);
    const actions = await quickFixes(editor.document.uri, diagnostic);
    const cite = actions.find((a) => a.title.startsWith('Cite a US declaration in February'));
    assert.ok(cite?.edit, `no cite action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(cite.edit));
    assert.ok(editor.document.getText().includes('since September, according to a US declaration in February.'), editor.document.getText());
    await cleared(editor.document.uri);
  });

  test('the placeholder leaves a gap; naming a source in it clears the warning', async () => {
    const editor = await createArticle(PLACEHOLDER_ARTICLE, 'Later that week, 4,000 more shipping crates arrived at the port.');
    const diagnostic = await flagged(editor);
    const placeholder = (await quickFixes(editor.document.uri, diagnostic)).find((a) => a.title === 'Insert citation placeholder');
    assert.ok(placeholder?.edit, 'no placeholder action');
    assert.ok(await vscode.workspace.applyEdit(placeholder.edit));
    const gap = await waitFor('the placeholder text', () => (editor.document.getText().includes('(source: )') ? editor.document.getText().indexOf('(source: )') : undefined), () => editor.document.getText());
    const fill = new vscode.WorkspaceEdit();
    fill.insert(editor.document.uri, editor.document.positionAt(gap + '(source: '.length), 'port authority');
    assert.ok(await vscode.workspace.applyEdit(fill));
    await cleared(editor.document.uri);
  });

  test('"Mark as sourced" writes the shared file and the warning goes away', async () => {
    const editor = await createArticle(MARKED_ARTICLE, 'Crews unloaded 7,300 sacks of grain at the northern terminal.');
    const diagnostic = await flagged(editor);
    const mark = (await quickFixes(editor.document.uri, diagnostic)).find((a) => a.command?.command === 'provenance.markSourced');
    assert.ok(mark?.command, 'no mark-as-sourced action');
    await vscode.commands.executeCommand(mark.command.command, ...(mark.command.arguments ?? []));
    await cleared(editor.document.uri);
    const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('.provenance/sourced.json')));
    assert.ok(saved.includes('7,300 sacks'), saved);
    assert.equal(editor.document.isDirty, false, 'marking must not edit the article');
  });
});

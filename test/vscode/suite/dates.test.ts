import * as assert from 'assert';
import * as vscode from 'vscode';
import { baseName, codeOf, describeDiagnostics, hoverText, openFile, waitFor, workspaceFile } from './helpers';

// Seed 004 dates the visit to April under a dateline of June 19, 2024, while seed 003 has Putin arrive on
// that Wednesday, June 19: the server must flag the April date and point at the other article.
const ARTICLE = '004_8a15b43b3049fb90.txt';
const OTHER = '003_3c9537aa37a348f1.txt';

suite('conflicting dates', () => {
  let conflict: vscode.Diagnostic;
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    document = (await openFile(ARTICLE)).document;
    conflict = await waitFor(
      `a provenance/conflicting-date diagnostic in ${ARTICLE} related to ${OTHER}`,
      () =>
        vscode.languages
          .getDiagnostics(document.uri)
          .find((d) => d.source === 'provenance' && codeOf(d) === 'conflicting-date' && (d.relatedInformation ?? []).some((r) => r.location.uri.path.endsWith(`/${OTHER}`))),
      () => describeDiagnostics(vscode.languages.getDiagnostics(document.uri)),
    );
  });

  test('the April date of the visit is flagged as a warning on the date itself', () => {
    assert.equal(conflict.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(conflict.range), 'in April');
    assert.match(conflict.message, /visit to April 2024/);
  });

  test('the related locations select the other dates and the dateline used', async () => {
    const related = conflict.relatedInformation ?? [];
    const other = related.find((r) => r.location.uri.path.endsWith(`/${OTHER}`));
    assert.ok(other && !other.location.range.isEmpty, 'the related location must select the other date');
    const otherText = (await vscode.workspace.openTextDocument(other.location.uri)).getText(other.location.range);
    assert.match(otherText, /Wednesday|June 19/);
    const own = related.filter((r) => r.location.uri.toString() === document.uri.toString()).map((r) => document.getText(r.location.range));
    assert.ok(own.includes('Wednesday, June 19, 2024'), `the dateline is not related: ${own.join(' | ')}`);
  });

  test('hovering the date shows what it resolved to, how, and the other mentions with their files', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, conflict.range.start);
    const text = hoverText(hovers ?? []);
    assert.ok(text.includes('April 2024'), `hover does not give the resolved date:\n${text}`);
    assert.ok(text.includes("the dateline 'Wednesday, June 19, 2024'"), `hover does not say how the date was resolved:\n${text}`);
    assert.ok(text.includes(OTHER), `hover does not name ${OTHER}:\n${text}`);
  });
});

// Three reports of a sawmill fire: two say it broke out on Saturday, one dates it to the Friday night
// before, which the server must flag against both, as an event that cannot come before its start.
const FIRE_REPORTS: Record<string, string> = {
  'zz_fire_radio.txt': 'Tuesday, September 24, 2024\n\nSmoke over Tarnby\n\nResidents were told to stay indoors after a fire at the Holm sawmill in Tarnby on Friday night destroyed its drying shed.\n',
  'zz_fire_gazette.txt': 'Monday, September 23, 2024\n\nSawmill fire\n\nThe fire broke out on Saturday evening in the drying shed of the Holm sawmill in Tarnby.\n',
  'zz_fire_review.txt': 'Monday, September 30, 2024\n\nQuestions after the Tarnby fire\n\nThe blaze at the Holm sawmill in Tarnby started on September 21 and burned through the night.\n',
};

suite('conflicting dates of a fire', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of Object.keys(FIRE_REPORTS)) await vscode.workspace.fs.delete(workspaceFile(name), { useTrash: false }).then(undefined, () => undefined);
  });

  test('the report that dates the fire before it broke out is flagged against the two others', async () => {
    for (const [name, text] of Object.entries(FIRE_REPORTS)) await vscode.workspace.fs.writeFile(workspaceFile(name), new TextEncoder().encode(text));
    const document = (await openFile('zz_fire_radio.txt')).document;
    const conflict = await waitFor(
      'a provenance/conflicting-date diagnostic in zz_fire_radio.txt related to both other reports',
      () =>
        vscode.languages.getDiagnostics(document.uri).find((d) => {
          const related = (d.relatedInformation ?? []).map((r) => baseName(r.location.uri));
          return codeOf(d) === 'conflicting-date' && related.includes('zz_fire_gazette.txt') && related.includes('zz_fire_review.txt');
        }),
      () => describeDiagnostics(vscode.languages.getDiagnostics(document.uri)),
    );
    assert.equal(document.getText(conflict.range), 'on Friday night');
    assert.match(conflict.message, /dates the fire to Fri 20 September 2024, but 2 other mentions date it Sat 21 September 2024/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, conflict.range.start);
    const text = hoverText(hovers ?? []);
    assert.ok(text.includes('zz_fire_gazette.txt') && text.includes('zz_fire_review.txt'), `hover does not name the other reports:\n${text}`);
  });
});

import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, hoverText, openFile, waitFor } from './helpers';

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

import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, hoverText, openFile, waitFor, workspaceFile } from './helpers';

// Seed 000 reuses sentences of seed 001 word for word, so the server must flag them as copied.
const ARTICLE = '000_8923a64fda5dc978.txt';
const SOURCE = '001_30e3fa680b242716.txt';

function pointsInto(diagnostic: vscode.Diagnostic, file: string): boolean {
  return (diagnostic.relatedInformation ?? []).some((r) => r.location.uri.path.endsWith(`/${file}`));
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

suite('copied passages', () => {
  let copied: vscode.Diagnostic;
  let uri: vscode.Uri;

  suiteSetup(async () => {
    const editor = await openFile(ARTICLE);
    uri = editor.document.uri;
    copied = await waitFor(
      `a provenance/copied-passage diagnostic in ${ARTICLE} related to ${SOURCE}`,
      () =>
        vscode.languages
          .getDiagnostics(uri)
          .find((d) => d.source === 'provenance' && codeOf(d) === 'copied-passage' && pointsInto(d, SOURCE)),
      () => describeDiagnostics(vscode.languages.getDiagnostics(uri)),
    );
  });

  test('the copied passage is flagged as a problem, linked to the article it came from', () => {
    assert.ok(copied.severity <= vscode.DiagnosticSeverity.Information, 'a hint would not show in the Problems panel');
    assert.ok(!copied.range.isEmpty, 'the squiggle must cover the passage');
    const related = copied.relatedInformation?.find((r) => r.location.uri.path.endsWith(`/${SOURCE}`));
    assert.ok(related && !related.location.range.isEmpty, 'the related location must select the original passage');
  });

  test('hovering the passage names the other article and quotes it', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      copied.range.start,
    );
    const text = hoverText(hovers ?? []);
    assert.ok(text.includes(SOURCE), `hover does not name ${SOURCE}:\n${text}`);

    const source = flatten(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(SOURCE))));
    const quotes = text
      .split('\n')
      .filter((line) => line.startsWith('>'))
      .map((line) => flatten(line.slice(1)).replace(/…$/, ''));
    assert.ok(
      quotes.some((quote) => quote.length >= 20 && source.includes(quote)),
      `hover quotes no passage of ${SOURCE}:\n${text}`,
    );
  });
});

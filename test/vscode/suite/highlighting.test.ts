import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFile, waitFor } from './helpers';

// A seed with quotations, dates, figures and a dateline, opened as the plain text it is.
const ARTICLE = '003_3c9537aa37a348f1.txt';

interface Token {
  readonly type: string;
  readonly text: string;
}

/** Decodes the LSP relative encoding (deltaLine, deltaStart, length, type, modifiers) into text and type names. */
function decode(document: vscode.TextDocument, legend: vscode.SemanticTokensLegend, tokens: vscode.SemanticTokens): Token[] {
  const out: Token[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [deltaLine, deltaStart, length, type] = tokens.data.subarray(i, i + 4);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    out.push({ type: legend.tokenTypes[type], text: document.getText(new vscode.Range(line, character, line, character + length)) });
  }
  return out;
}

const QUOTE_MARK = /["“”«»]/;
// Weekdays, months, years, times, and the words relative dates are made of.
const DATE_WORD = /\d|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(today|tonight|yesterday|tomorrow|week|month|year|morning|afternoon|evening|night|ago|decade|century)s?\b/i;

suite('highlighting', () => {
  let document: vscode.TextDocument;
  let tokens: Token[];

  suiteSetup(async () => {
    document = (await openFile(ARTICLE)).document;
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    assert.ok(legend, 'no semantic tokens legend for a plain-text article');
    tokens = await waitFor(
      `semantic tokens for ${ARTICLE}`,
      async () => {
        const result = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri);
        return result && result.data.length > 0 ? decode(document, legend, result) : undefined;
      },
      () => 'the provider returned no tokens',
    );
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the article is plain text, highlighted by the extension and not by a grammar', () => {
    assert.equal(document.languageId, 'plaintext');
  });

  test('quotations are coloured from one quotation mark to the other', () => {
    const quotations = tokens.filter((t) => t.type === 'newsQuotation');
    assert.ok(quotations.length > 0, 'no quotation token');
    // A quotation interrupted by another highlight (a figure inside it) comes in pieces; each piece still
    // begins or ends at a quotation mark.
    const stray = quotations.filter((t) => !QUOTE_MARK.test(t.text[0]) && !QUOTE_MARK.test(t.text[t.text.length - 1]));
    assert.deepEqual(stray.map((t) => t.text), [], 'quotation tokens that neither open nor close a quotation');
    assert.ok(quotations.some((t) => QUOTE_MARK.test(t.text[0]) && QUOTE_MARK.test(t.text[t.text.length - 1]) && t.text.length > 10), 'no whole quotation is coloured');
  });

  test('dates are coloured, and only text that reads as a date', () => {
    const dates = tokens.filter((t) => t.type === 'newsDate');
    assert.ok(dates.length > 0, 'no date token');
    const odd = dates.filter((t) => !DATE_WORD.test(t.text));
    assert.deepEqual(odd.map((t) => t.text), [], 'date tokens without a weekday, month, year, time or relative-date word');
  });

  test('attributions, figures and the dateline are coloured too', () => {
    const types = new Set(tokens.map((t) => t.type));
    for (const type of ['newsAttribution', 'newsDateline']) assert.ok(types.has(type), `no ${type} token; saw ${[...types].join(', ')}`);
    assert.ok(types.has('newsFigure') || types.has('newsUnsourcedFigure'), 'no figure token');
    for (const attribution of tokens.filter((t) => t.type === 'newsAttribution')) assert.match(attribution.text, /^[\p{L} ]+$/u);
  });

  test('a figure typed into the article is coloured at the first answer after the edit', async () => {
    const editor = await vscode.window.showTextDocument(document);
    const added = ' The convoy carried 7,354 pallets.';
    const end = document.lineAt(document.lineCount - 1).range.end;
    try {
      assert.ok(await editor.edit((edit) => edit.insert(end, added)));
      // Asked once, right after the edit: the server answers after the debounced analysis of the new text.
      const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
      const result = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri);
      assert.ok(result, 'no tokens after the edit');
      const figures = decode(document, legend, result).filter((t) => t.type === 'newsFigure' || t.type === 'newsUnsourcedFigure');
      assert.ok(figures.some((t) => t.text === '7,354 pallets'), `figures coloured: ${figures.map((t) => t.text).join(', ')}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});

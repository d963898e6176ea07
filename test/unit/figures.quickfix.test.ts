import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, WorkspaceEdit } from 'vscode-languageserver';
import { Corpus } from '../../server/src/analysis/corpus';
import type { Article } from '../../server/src/analysis/article';
import { citationInsertion } from '../../server/src/analysis/figures/citationPlacement';
import { FigureDetector } from '../../server/src/analysis/figures/figureDetector';
import { markedSourcedKey } from '../../server/src/analysis/figures/markedSourced';
import { codeActionsFor, MARK_SOURCED_COMMAND, type CodeActionOptions, type MarkSourcedArguments } from '../../server/src/lsp/codeActions';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { loadLabelledArticles } from '../fixtures/figures/labels';

const OPTIONS: CodeActionOptions = { label: (uri) => uri.slice(uri.lastIndexOf('/') + 1), snippets: false, version: null };

interface Applied {
  text: string;
  offset: number;
  inserted: string;
}

/** Applies a workspace edit made of one insertion (plain or snippet) to the article's text. */
function apply(article: Article, edit: WorkspaceEdit): Applied {
  const plain = edit.changes?.[article.uri];
  const documentEdit = edit.documentChanges?.[0];
  const one = plain?.[0] ?? (documentEdit && 'edits' in documentEdit ? documentEdit.edits[0] : undefined);
  assert.ok(one, 'the action carries an edit of this document');
  assert.equal((plain?.length ?? 0) + (documentEdit && 'edits' in documentEdit ? documentEdit.edits.length : 0), 1, 'one edit only');
  const start = article.lines.offsetAt(one.range.start);
  assert.equal(article.lines.offsetAt(one.range.end), start, 'a fix only inserts: its range is empty');
  // A snippet's text is what the editor inserts once its tab stops are resolved.
  const inserted = 'newText' in one ? one.newText : one.snippet.value.replace(/\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
  return { text: article.text.slice(0, start) + inserted + article.text.slice(start), offset: start, inserted };
}

function actionsFor(corpus: Corpus, uri: string, options = OPTIONS): Array<{ action: CodeAction; figure: string }> {
  const article = corpus.get(uri)!;
  const findings = corpus.findings(uri).filter((f) => f.code === 'unsourced-figure');
  return findings.flatMap((finding) =>
    codeActionsFor(article, findings, [toDiagnostic(finding, article, (u) => corpus.get(u))], options).map((action) => ({ action, figure: finding.text })),
  );
}

test('on every fixture, each fix inserts text that, removed again, gives back the original bytes', () => {
  const corpus = new Corpus([new FigureDetector()]);
  const articles = loadLabelledArticles();
  for (const article of articles) corpus.upsert({ uri: article.uri, text: article.text });
  let checked = 0;
  for (const { uri } of articles) {
    const article = corpus.get(uri)!;
    for (const options of [OPTIONS, { ...OPTIONS, snippets: true }]) {
      for (const { action } of actionsFor(corpus, uri, options)) {
        if (!action.edit) continue;
        const applied = apply(article, action.edit);
        assert.notEqual(applied.text, article.text);
        const restored = applied.text.slice(0, applied.offset) + applied.text.slice(applied.offset + applied.inserted.length);
        assert.ok(Buffer.from(restored, 'utf8').equals(Buffer.from(article.text, 'utf8')), `${uri}: "${action.title}" is not a pure insertion`);
        checked++;
      }
    }
    // Fixtures share no figures, so no "Cite" action appears among them: place a citation for each flagged figure directly.
    for (const finding of corpus.findings(uri)) {
      if (finding.data?.kind !== 'unsourced-figure') continue;
      const insertion = citationInsertion(article.text, finding.data.sentence, finding.span, 'The port authority');
      assert.ok(insertion.offset >= finding.span.end && insertion.offset <= finding.data.sentence.end, `${uri}: the citation for "${finding.text}" leaves its sentence`);
      const cited = article.text.slice(0, insertion.offset) + insertion.text + article.text.slice(insertion.offset);
      assert.equal(cited.slice(0, insertion.offset) + cited.slice(insertion.offset + insertion.text.length), article.text);
      const recheck = new Corpus([new FigureDetector()]);
      recheck.upsert({ uri, text: cited });
      assert.equal(recheck.get(uri)!.paragraphs.length, article.paragraphs.length, `${uri}: citing "${finding.text}" changed the paragraphs`);
      assert.ok(!recheck.findings(uri).some((f) => f.span.start === finding.span.start), `${uri}: "${finding.text}" is still flagged once cited`);
      checked++;
    }
  }
  assert.ok(checked >= 150, `only ${checked} fixes were checked`);
});

test('"Cite" inserts the other article\'s attribution and the figure is no longer flagged', () => {
  const sourced = 'file:///002.txt';
  const target = 'file:///new.txt';
  const corpus = new Corpus([new FigureDetector()]);
  corpus.upsert({ uri: sourced, text: 'Shipments\n\nAccording to a US declaration in February, Russia has received more than 10,000 shipping containers from North Korea since September.' });
  corpus.upsert({ uri: target, text: 'Visit\n\nRussia has received more than 10,000 shipping containers from North Korea since September.\n\nTalks go on.' });
  const cite = actionsFor(corpus, target).find(({ action }) => action.title.startsWith('Cite'));
  assert.ok(cite, 'a cite action is offered');
  assert.equal(cite.action.title, 'Cite a US declaration in February (from 002.txt)');
  assert.equal(cite.action.isPreferred, true);
  const applied = apply(corpus.get(target)!, cite.action.edit!);
  assert.equal(applied.text, 'Visit\n\nRussia has received more than 10,000 shipping containers from North Korea since September, according to a US declaration in February.\n\nTalks go on.');
  corpus.upsert({ uri: target, text: applied.text });
  assert.deepEqual(corpus.findings(target).filter((f) => f.code === 'unsourced-figure'), []);
});

test('a citation goes at the end of the figure\'s clause, or before the final punctuation', () => {
  const place = (sentence: string, figure: string, source: string): string => {
    const start = sentence.indexOf(figure);
    const insertion = citationInsertion(sentence, { start: 0, end: sentence.length }, { start, end: start + figure.length }, source);
    return sentence.slice(0, insertion.offset) + insertion.text + sentence.slice(insertion.offset);
  };
  assert.equal(place('More than 600 trucks crossed on Monday, and officials expect more.', 'More than 600 trucks', 'The border police'), 'More than 600 trucks crossed on Monday, according to the border police, and officials expect more.');
  assert.equal(place('Exports fell 17 percent; imports held steady.', '17 percent', 'customs data'), 'Exports fell 17 percent, according to customs data; imports held steady.');
  assert.equal(place('The fire destroyed 240 homes — the worst toll in years.', '240 homes', 'the county'), 'The fire destroyed 240 homes, according to the county — the worst toll in years.');
  assert.equal(place('Did 600 trucks really cross?', '600 trucks', 'police'), 'Did 600 trucks really cross, according to police?');
  assert.equal(place('Exports fall 17 percent', '17 percent', 'customs data'), 'Exports fall 17 percent, according to customs data');
  // A comma inside a list is no clause end: the credit goes to the end of the sentence.
  assert.equal(place('They sent 600 trucks, 40 buses and two trains.', '600 trucks', 'A ministry'), 'They sent 600 trucks, 40 buses and two trains, according to a ministry.');
});

test('the placeholder leaves a gap for the source: a snippet with the cursor inside, or plain text', () => {
  const uri = 'file:///p.txt';
  const corpus = new Corpus([new FigureDetector()]);
  corpus.upsert({ uri, text: 'Port\n\nMore than 600 trucks crossed the border.' });
  const article = corpus.get(uri)!;
  const plain = actionsFor(corpus, uri).find(({ action }) => action.title === 'Insert citation placeholder')!.action;
  assert.deepEqual(plain.edit?.changes?.[uri]?.map((e) => e.newText), [' (source: )']);
  const snippet = actionsFor(corpus, uri, { ...OPTIONS, snippets: true, version: 7 }).find(({ action }) => action.title === 'Insert citation placeholder')!.action;
  const documentEdit = snippet.edit?.documentChanges?.[0];
  assert.ok(documentEdit && 'edits' in documentEdit);
  assert.deepEqual(documentEdit.textDocument, { uri, version: 7 });
  const edit = documentEdit.edits[0];
  assert.ok('snippet' in edit);
  assert.equal(edit.snippet.value, ' (source: $0)');
  const applied = apply(article, plain.edit!).text;
  assert.equal(applied, 'Port\n\nMore than 600 trucks (source: ) crossed the border.');
  corpus.upsert({ uri, text: applied });
  assert.equal(corpus.findings(uri).length, 1, 'an empty placeholder still leaves the figure unsourced');
  corpus.upsert({ uri, text: applied.replace('(source: )', '(source: border police)') });
  assert.equal(corpus.findings(uri).length, 0, 'a filled placeholder credits the figure');
});

test('"Mark as sourced" carries the server command with the key the detector recognises', () => {
  const uri = 'file:///m.txt';
  const corpus = new Corpus([new FigureDetector()]);
  const sentence = 'More than 600 trucks crossed the border.';
  corpus.upsert({ uri, text: `Port\n\n${sentence}` });
  const mark = actionsFor(corpus, uri).find(({ action }) => action.command?.command === MARK_SOURCED_COMMAND)!.action;
  assert.equal(mark.edit, undefined, 'marking edits no article');
  const [args] = mark.command!.arguments as MarkSourcedArguments[];
  assert.deepEqual(args, { uri, key: markedSourcedKey(sentence, 'More than 600 trucks'), figure: 'More than 600 trucks', sentence });
});

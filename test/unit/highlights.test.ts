import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArticle, type Article } from '../../server/src/analysis/article';
import { createCorpus } from '../../server/src/analysis';
import { highlightArticle } from '../../server/src/analysis/highlights/highlightArticle';
import { flattenHighlights } from '../../server/src/analysis/highlights/flatten';
import { HIGHLIGHT_KINDS, type Highlight, type HighlightKind } from '../../server/src/analysis/highlights/kinds';
import type { Finding } from '../../server/src/analysis/types';
import { SEMANTIC_TOKENS_LEGEND, encodeHighlights, semanticTokensFor } from '../../server/src/lsp/semanticTokens';

const STORY = [
  'Harbour Authority Warns of Shortfall as Cargo Slumps',
  '',
  'KESTRAL BAY, March 4, 2025 — Cargo volumes at the port fell 18 percent last year, the authority said on Tuesday.',
  '',
  '"We are not going to sugarcoat it," chief executive Anna Liu told reporters. "Roughly 2,000 jobs depend on the north quay."',
  '',
  'The new crane line added four berths in 2023. Repairs to the breakwater will cost 40 million euros.',
  '',
  'According to port records, 310 ships called at the harbour in January.',
  '',
].join('\n');

const URI = 'file:///news/harbour.txt';

function kindsOf(article: Article, highlights: Highlight[]): Array<[HighlightKind, string]> {
  return highlights.map((h) => [h.kind, article.text.slice(h.start, h.end)]);
}

function has(list: Array<[HighlightKind, string]>, kind: HighlightKind, text: string): boolean {
  return list.some(([k, t]) => k === kind && t === text);
}

function unsourcedFinding(article: Article, figure: string): Finding {
  const start = article.text.indexOf(figure);
  assert.ok(start >= 0, figure);
  return { code: 'unsourced-figure', severity: 'warning', message: '', uri: article.uri, span: { start, end: start + figure.length }, text: figure, related: [] };
}

test('an article is classified into dateline, quotations, attribution, dates and figures', () => {
  const article = parseArticle({ uri: URI, text: STORY });
  const list = kindsOf(article, highlightArticle(article, []));
  assert.ok(has(list, 'dateline', 'KESTRAL BAY, March 4, 2025 —'), 'wire dateline with its place and dash');
  assert.ok(has(list, 'quotation', '"We are not going to sugarcoat it,"'));
  for (const cue of ['said', 'told', 'According to']) assert.ok(has(list, 'attribution', cue), cue);
  // "added four berths" and a headline's "Warns of" credit no one.
  assert.ok(!list.some(([k, t]) => k === 'attribution' && (t === 'added' || t === 'Warns')));
  for (const date of ['Tuesday', '2023', 'January', 'last year']) assert.ok(has(list, 'date', date), date);
  assert.ok(!list.some(([k, t]) => k === 'date' && /^(?:on|in) /.test(t)), 'a date is coloured without its preposition');
  for (const figure of ['18 percent', '310 ships', '40 million euros']) assert.ok(has(list, 'figure', figure), figure);
});

test('a figure or date inside a quotation cuts the quotation around it', () => {
  const article = parseArticle({ uri: URI, text: STORY });
  const list = kindsOf(article, highlightArticle(article, []));
  const figure = list.findIndex(([k, t]) => k === 'figure' && t.includes('2,000'));
  assert.ok(figure > 0);
  assert.equal(list[figure - 1][0], 'quotation');
  assert.equal(list[figure + 1][0], 'quotation');
  assert.ok(list[figure + 1][1].endsWith('north quay."'));
});

test('figures with an unsourced-figure finding are unsourced, the rest stay sourced', () => {
  const article = parseArticle({ uri: URI, text: STORY });
  const list = kindsOf(article, highlightArticle(article, [unsourcedFinding(article, '40 million euros')]));
  assert.ok(has(list, 'unsourcedFigure', '40 million euros'));
  assert.ok(!has(list, 'figure', '40 million euros'));
  assert.ok(has(list, 'figure', '18 percent'));
});

test('a finding computed for an older text of the document colours nothing', () => {
  const article = parseArticle({ uri: URI, text: STORY });
  const stale = { ...unsourcedFinding(article, '40 million euros'), text: '41 million euros' };
  const list = kindsOf(article, highlightArticle(article, [stale]));
  assert.ok(!list.some(([k]) => k === 'unsourcedFigure'));
  assert.ok(has(list, 'figure', '40 million euros'));
});

test('the shipped checks decide which figures show as unsourced', () => {
  const corpus = createCorpus();
  corpus.upsert({ uri: URI, text: STORY });
  const article = corpus.get(URI)!;
  const findings = corpus.findings(URI);
  const list = kindsOf(article, highlightArticle(article, findings));
  const flagged = findings.filter((f) => f.code === 'unsourced-figure');
  assert.ok(flagged.length > 0, 'the story has a figure no one is credited for');
  for (const finding of flagged) assert.ok(has(list, 'unsourcedFigure', finding.text), finding.text);
  // "310 ships" is credited to port records in its own sentence.
  assert.ok(has(list, 'figure', '310 ships'));
});

test('attribution cues leave out quoted speech, passives without an agent and adjectives', () => {
  const text = [
    'Clinic Closures Spread',
    '',
    '"Nobody said it would be easy," the director told staff.',
    'Closures were reported in six towns, and an estimated 900 patients were moved.',
    'Cuts were confirmed by the health board, which declined to say more.',
    'The trust warned of delays. "We cannot cope," she added.',
    '',
  ].join('\n');
  const article = parseArticle({ uri: URI, text });
  const cues = kindsOf(article, highlightArticle(article, [])).filter(([k]) => k === 'attribution').map(([, t]) => t);
  assert.deepEqual(cues, ['told', 'confirmed', 'added']);
});

test('a length of time is not coloured as a date; a weekday is, even without a dateline', () => {
  const text = 'Dockers Strike\n\nDockers walked out on Friday in the first strike in 30 years, the union said.\n';
  const article = parseArticle({ uri: URI, text });
  const list = kindsOf(article, highlightArticle(article, []));
  assert.ok(has(list, 'date', 'Friday'));
  assert.ok(!list.some(([k, t]) => k === 'date' && t.includes('30')), JSON.stringify(list));
});

test('a standalone dateline line is coloured whole', () => {
  const text = 'Post At: Nov 3/2024 07:15AM\n\nCouncil Approves Budget\n\nThe council approved the budget on Monday, the mayor said.\n';
  const article = parseArticle({ uri: URI, text });
  const list = kindsOf(article, highlightArticle(article, []));
  assert.ok(has(list, 'dateline', 'Post At: Nov 3/2024 07:15AM'), JSON.stringify(list));
});

test('flattening keeps every offset with the covering kind of highest precedence, sorted and without overlaps', () => {
  const precedence = ['quotation', 'attribution', 'date', 'figure', 'unsourcedFigure', 'dateline'];
  const span = fc.record({ start: fc.nat(60), length: fc.integer({ min: 0, max: 25 }), kind: fc.constantFrom(...HIGHLIGHT_KINDS) });
  fc.assert(
    fc.property(fc.array(span, { maxLength: 12 }), (raw) => {
      const input: Highlight[] = raw.map((r) => ({ start: r.start, end: r.start + r.length, kind: r.kind }));
      const output = flattenHighlights(input);
      for (let i = 0; i < output.length; i++) {
        assert.ok(output[i].start < output[i].end);
        if (i > 0) assert.ok(output[i - 1].end <= output[i].start);
      }
      for (let offset = 0; offset < 90; offset++) {
        const covering = input.filter((h) => h.start <= offset && offset < h.end);
        const expected = covering.sort((a, b) => precedence.indexOf(b.kind) - precedence.indexOf(a.kind))[0]?.kind;
        assert.equal(output.find((h) => h.start <= offset && offset < h.end)?.kind, expected, `offset ${offset}`);
      }
    }),
  );
});

interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: string;
}

/** Undoes LSP's relative encoding: each token's line counts from the previous one, and so does its start on the same line. */
function decode(data: number[]): DecodedToken[] {
  const tokens: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    assert.equal(modifiers, 0);
    tokens.push({ line, character, length, type: SEMANTIC_TOKENS_LEGEND.tokenTypes[type] });
  }
  return tokens;
}

function tokenText(article: Article, token: DecodedToken): string {
  const start = article.lines.offsetAt({ line: token.line, character: token.character });
  return article.text.slice(start, start + token.length);
}

test('semantic tokens round-trip: relative positions decode to the highlighted text, one token per line', () => {
  const text = ['Café owner 🙂 Zoë said “prices rose', 'by 12 percent in a year,', 'and we cannot hold them” today.\r', 'Ünïcode 𝔘 “last”'].join('\n');
  const article = parseArticle({ uri: URI, text });
  const quoteStart = text.indexOf('“prices');
  const quoteEnd = text.indexOf('”') + 1;
  const figure = text.indexOf('12 percent');
  const said = text.indexOf('said');
  const last = text.lastIndexOf('“last”');
  const highlights: Highlight[] = flattenHighlights([
    { start: said, end: said + 4, kind: 'attribution' },
    { start: quoteStart, end: quoteEnd, kind: 'quotation' },
    { start: figure, end: figure + '12 percent'.length, kind: 'unsourcedFigure' },
    { start: last, end: last + '“last”'.length, kind: 'quotation' },
  ]);
  const tokens = decode(encodeHighlights(article, highlights).data);
  assert.deepEqual(
    tokens.map((t) => [t.type, tokenText(article, t)]),
    [
      ['newsAttribution', 'said'],
      ['newsQuotation', '“prices rose'],
      ['newsQuotation', 'by'],
      ['newsUnsourcedFigure', '12 percent'],
      ['newsQuotation', 'in a year,'],
      ['newsQuotation', 'and we cannot hold them”'],
      ['newsQuotation', '“last”'],
    ],
  );
  // UTF-16: the emoji before "said" counts two code units, as does the mathematical letter before the last quotation.
  assert.equal(tokens[0].character, 'Café owner 🙂 Zoë '.length);
  assert.equal(tokens[0].character, 18);
  assert.equal(tokens[6].character, 'Ünïcode 𝔘 '.length);
  assert.deepEqual(tokens.map((t) => t.line), [0, 0, 1, 1, 1, 2, 3]);
});

test('tokens of an article follow its findings when only the findings change', () => {
  const article = parseArticle({ uri: URI, text: STORY });
  const types = (findings: Finding[]): string[] => decode(semanticTokensFor(article, findings).data).map((t) => t.type);
  assert.ok(!types([]).includes('newsUnsourcedFigure'));
  assert.ok(types([unsourcedFinding(article, '18 percent')]).includes('newsUnsourcedFigure'));
  assert.ok(!types([]).includes('newsUnsourcedFigure'));
});

test('the legend names one token type per highlight kind', () => {
  assert.equal(SEMANTIC_TOKENS_LEGEND.tokenTypes.length, HIGHLIGHT_KINDS.length);
  assert.equal(new Set(SEMANTIC_TOKENS_LEGEND.tokenTypes).size, HIGHLIGHT_KINDS.length);
  for (const type of SEMANTIC_TOKENS_LEGEND.tokenTypes) assert.match(type, /^news[A-Z]\w+$/);
});

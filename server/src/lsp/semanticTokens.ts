import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { Article } from '../analysis/article';
import { highlightArticle } from '../analysis/highlights/highlightArticle';
import { HIGHLIGHT_KINDS, type Highlight, type HighlightKind } from '../analysis/highlights/kinds';
import { trimSpan } from '../analysis/spans';
import type { Finding } from '../analysis/types';

/**
 * Token type names as package.json declares them (`contributes.semanticTokenTypes`), prefixed because the
 * names are shared by every extension installed.
 */
const TOKEN_TYPES: Record<HighlightKind, string> = {
  dateline: 'newsDateline',
  quotation: 'newsQuotation',
  attribution: 'newsAttribution',
  figure: 'newsFigure',
  unsourcedFigure: 'newsUnsourcedFigure',
  date: 'newsDate',
};

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: HIGHLIGHT_KINDS.map((kind) => TOKEN_TYPES[kind]),
  tokenModifiers: [],
};

/**
 * Tokens last computed per article, with the unsourced figures they were coloured for. The client asks again
 * on every refresh and after edits elsewhere; an article's text never changes (an edit makes a new one).
 */
const computed = new WeakMap<Article, { unsourced: string; tokens: SemanticTokens }>();

export function semanticTokensFor(article: Article, findings: readonly Finding[]): SemanticTokens {
  const unsourced = findings
    .filter((f) => f.code === 'unsourced-figure')
    .map((f) => `${f.span.start}:${f.span.end}`)
    .join(',');
  const cached = computed.get(article);
  if (cached?.unsourced === unsourced) return cached.tokens;
  const tokens = encodeHighlights(article, highlightArticle(article, findings));
  computed.set(article, { unsourced, tokens });
  return tokens;
}

/**
 * Encodes sorted, non-overlapping highlights as LSP semantic tokens, one token per line a highlight
 * touches: clients need not support tokens that span lines, and a quotation in a hard-wrapped paragraph
 * does. Characters are UTF-16 code units, which is what string offsets and LSP's default encoding count.
 */
export function encodeHighlights(article: Article, highlights: readonly Highlight[]): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const { lines, text } = article;
  for (const highlight of highlights) {
    const type = HIGHLIGHT_KINDS.indexOf(highlight.kind);
    const first = lines.positionAt(highlight.start).line;
    const last = lines.positionAt(highlight.end).line;
    for (let line = first; line <= last; line++) {
      const lineStart = lines.offsetAt({ line, character: 0 });
      const lineEnd = lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
      const piece = trimSpan(text, { start: Math.max(highlight.start, lineStart), end: Math.min(highlight.end, lineEnd) });
      if (piece.end > piece.start) builder.push(line, piece.start - lineStart, piece.end - piece.start, type, 0);
    }
  }
  return builder.build();
}

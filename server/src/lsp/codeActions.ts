import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { Article } from '../analysis/article';
import type { Finding } from '../analysis/types';
import { toRange } from './convert';

export const CITATION_PLACEHOLDER = ' [citation needed]';

/** Quick fixes for the findings behind the given diagnostics. Every fix only inserts text. */
export function codeActionsFor(article: Article, findings: Finding[], diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const finding = findingOf(diagnostic, findings);
    if (finding?.code !== 'unsourced-figure') continue;
    const at = toRange(article, { start: finding.span.end, end: finding.span.end });
    actions.push({
      title: 'Insert citation placeholder',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [article.uri]: [{ range: at, newText: CITATION_PLACEHOLDER }] } },
    });
  }
  return actions;
}

function findingOf(diagnostic: Diagnostic, findings: Finding[]): Finding | undefined {
  const data = diagnostic.data as { code?: string; start?: number; end?: number } | undefined;
  if (!data) return undefined;
  return findings.find((f) => f.code === data.code && f.span.start === data.start && f.span.end === data.end);
}

import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Article } from '../analysis/article';
import type { Finding, Severity, Span } from '../analysis/types';
import type { FindingSummary } from '../../../shared/protocol';

export const DIAGNOSTIC_SOURCE = 'provenance';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Looks up the article a related passage lives in, to turn its offsets into a range. */
export type ArticleLookup = (uri: string) => Article | undefined;

export function toRange(article: Article, span: Span): Range {
  return { start: article.lines.positionAt(span.start), end: article.lines.positionAt(span.end) };
}

export function toDiagnostic(finding: Finding, article: Article, lookup: ArticleLookup): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(article, finding.span),
    severity: SEVERITIES[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.code,
    message: finding.message,
    data: { code: finding.code, start: finding.span.start, end: finding.span.end },
  };
  const related = finding.related.flatMap((passage) => {
    const other = lookup(passage.uri);
    return other ? [{ location: { uri: passage.uri, range: toRange(other, passage.span) }, message: passage.message }] : [];
  });
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

export function toSummary(finding: Finding, article: Article, lookup: ArticleLookup): FindingSummary {
  return {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    range: toRange(article, finding.span),
    text: finding.text,
    related: finding.related.flatMap((passage) => {
      const other = lookup(passage.uri);
      return other ? [{ uri: passage.uri, range: toRange(other, passage.span), text: passage.text, message: passage.message }] : [];
    }),
  };
}

import type { Article } from '../analysis/article';
import type { Position } from '../analysis/lineIndex';
import type { Finding, Severity } from '../analysis/types';

export interface ReportRange {
  start: Position;
  end: Position;
}

export interface ReportRelated {
  file: string;
  range: ReportRange;
  text: string;
  message: string;
}

export interface ReportFinding {
  file: string;
  code: string;
  severity: Severity;
  message: string;
  range: ReportRange;
  text: string;
  related: ReportRelated[];
}

/** The `--format json` document. Its shape is a published contract: extend, never change. */
export interface Report {
  version: 1;
  findings: ReportFinding[];
}

export function buildReport(findings: Finding[], articleOf: (uri: string) => Article | undefined, fileOf: (uri: string) => string): Report {
  const range = (article: Article, start: number, end: number): ReportRange => ({ start: article.lines.positionAt(start), end: article.lines.positionAt(end) });
  return {
    version: 1,
    findings: findings.flatMap((finding) => {
      const article = articleOf(finding.uri);
      if (!article) return [];
      return [
        {
          file: fileOf(finding.uri),
          code: finding.code,
          severity: finding.severity,
          message: finding.message,
          range: range(article, finding.span.start, finding.span.end),
          text: finding.text,
          related: finding.related.flatMap((passage) => {
            const other = articleOf(passage.uri);
            return other ? [{ file: fileOf(passage.uri), range: range(other, passage.span.start, passage.span.end), text: passage.text, message: passage.message }] : [];
          }),
        },
      ];
    }),
  };
}

import type { Hover, MarkupContent } from 'vscode-languageserver';
import type { Article } from '../analysis/article';
import type { Finding } from '../analysis/types';
import { toRange, type ArticleLookup } from './convert';

const QUOTE_LIMIT = 400;

const UNSOURCED_WHY =
  'Nothing credits this number: no "according to", no one who said, reported, counted or estimated it in its sentence ' +
  'or the one before, and it is not inside a quotation credited to a speaker. Quick fixes can cite a source, insert ' +
  'a placeholder, or mark it as sourced for the whole team.';

const TITLES: Record<Finding['code'], string> = {
  'copied-passage': 'Copied passage',
  'repeated-passage': 'Repeated passage',
  'unsourced-figure': 'Unsourced figure',
  'conflicting-date': 'Conflicting date',
  'input-problem': 'Cannot analyse this file',
};

/** Markdown for every finding under the cursor; undefined when there is none. */
export function hoverFor(findings: Finding[], article: Article, offset: number, lookup: ArticleLookup, label: (uri: string) => string): Hover | undefined {
  const here = findings.filter((f) => f.span.start <= offset && offset <= f.span.end);
  if (here.length === 0) return undefined;
  const sections = here.map((finding) => describe(finding, lookup, label));
  const contents: MarkupContent = { kind: 'markdown', value: sections.join('\n\n---\n\n') };
  const first = here[0];
  return { contents, range: toRange(article, first.span) };
}

function describe(finding: Finding, lookup: ArticleLookup, label: (uri: string) => string): string {
  const lines = [`**${TITLES[finding.code]}** — ${escapeMarkdown(finding.message)}`];
  const data = finding.data;
  if (data?.kind === 'unsourced-figure') {
    lines.push('', UNSOURCED_WHY);
    if (data.citations.length > 0) lines.push('', 'The same figure with a source in other articles:');
    for (const citation of data.citations) {
      lines.push('', `${link(citation.uri, citation.span.start, lookup, label)} credits *${escapeMarkdown(citation.source)}*:`, quote(citation.text));
    }
  }
  if (data?.kind === 'conflicting-date') {
    lines.push('', `Resolved to **${escapeMarkdown(data.resolved)}**: ${escapeMarkdown(data.explanation)}`, '', `Event: ${escapeMarkdown(data.event)}`, '', 'Other mentions of it, and the datelines used:');
  }
  for (const passage of finding.related) {
    lines.push('', `${link(passage.uri, passage.span.start, lookup, label)} — ${escapeMarkdown(passage.message)}`, quote(passage.text));
  }
  return lines.join('\n');
}

function link(uri: string, offset: number, lookup: ArticleLookup, label: (uri: string) => string): string {
  const article = lookup(uri);
  const position = article?.lines.positionAt(offset);
  // VS Code opens `file.txt#L12,5` at line 12, column 5 (both 1-based).
  const fragment = position ? `#L${position.line + 1},${position.character + 1}` : '';
  const where = position ? `${label(uri)}:${position.line + 1}` : label(uri);
  return `[${escapeMarkdown(where)}](${uri}${fragment})`;
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const shown = flat.length > QUOTE_LIMIT ? `${flat.slice(0, QUOTE_LIMIT)}…` : flat;
  return `> ${escapeMarkdown(shown)}`;
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!<>|]/g, '\\$&');
}

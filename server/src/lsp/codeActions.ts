import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { Article } from '../analysis/article';
import { citableSource, citationInsertion, placeholderInsertion, PLACEHOLDER_AFTER_CURSOR, PLACEHOLDER_BEFORE_CURSOR, type Insertion } from '../analysis/figures/citationPlacement';
import type { Finding } from '../analysis/types';
import { toRange } from './convert';

/** The server command behind "Mark as sourced" (handled in server.ts, which records it in the shared file). */
export const MARK_SOURCED_COMMAND = 'provenance.markSourced';

export interface MarkSourcedArguments {
  uri: string;
  /** The suppression key the figure check recognises (see `markedSourcedKey`). */
  key: string;
  /** For people reading the shared file: the figure and its sentence. */
  figure: string;
  sentence: string;
}

export interface CodeActionOptions {
  /** A short name for an article, shown in "Cite … (from <file>)". */
  label(uri: string): string;
  /**
   * The client applies snippet edits (LSP 3.18 `workspace.workspaceEdit.snippetEditSupport`, which
   * vscode-languageclient 10 declares): the placeholder then leaves the cursor inside "(source: )".
   * Other clients get the same text as a plain insertion.
   */
  snippets: boolean;
  /** The open document's version, which a snippet edit (a TextDocumentEdit) names; null when not open. */
  version: number | null;
}

const MAX_CITATIONS = 3;

/** Quick fixes for the findings behind the given diagnostics. Every edit only inserts text. */
export function codeActionsFor(article: Article, findings: Finding[], diagnostics: Diagnostic[], options: CodeActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const finding = findingOf(diagnostic, findings);
    if (finding?.data?.kind !== 'unsourced-figure') continue;
    const data = finding.data;
    const seen = new Set<string>();
    for (const citation of data.citations) {
      const source = citableSource(citation.source);
      if (seen.has(source.toLowerCase()) || seen.size >= MAX_CITATIONS) continue;
      seen.add(source.toLowerCase());
      actions.push({
        title: `Cite ${source} (from ${options.label(citation.uri)})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: seen.size === 1,
        edit: plainEdit(article, citationInsertion(article.text, data.sentence, finding.span, citation.source)),
      });
    }
    actions.push({
      title: 'Insert citation placeholder',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: options.snippets ? placeholderSnippet(article, finding, options.version) : plainEdit(article, placeholderInsertion(finding.span)),
    });
    const args: MarkSourcedArguments = { uri: article.uri, key: data.markKey, figure: data.figure, sentence: article.text.slice(data.sentence.start, data.sentence.end) };
    actions.push({
      title: 'Mark as sourced (shared with the team)',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Mark as sourced', command: MARK_SOURCED_COMMAND, arguments: [args] },
    });
  }
  return actions;
}

function plainEdit(article: Article, insertion: Insertion): WorkspaceEdit {
  const at = toRange(article, { start: insertion.offset, end: insertion.offset });
  return { changes: { [article.uri]: [{ range: at, newText: insertion.text }] } };
}

function placeholderSnippet(article: Article, finding: Finding, version: number | null): WorkspaceEdit {
  const at = toRange(article, { start: finding.span.end, end: finding.span.end });
  const snippet = `${escapeSnippet(PLACEHOLDER_BEFORE_CURSOR)}$0${escapeSnippet(PLACEHOLDER_AFTER_CURSOR)}`;
  return { documentChanges: [{ textDocument: { uri: article.uri, version }, edits: [{ range: at, snippet: { kind: 'snippet', value: snippet } }] }] };
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function findingOf(diagnostic: Diagnostic, findings: Finding[]): Finding | undefined {
  const data = diagnostic.data as { code?: string; start?: number; end?: number } | undefined;
  if (!data) return undefined;
  return findings.find((f) => f.code === data.code && f.span.start === data.start && f.span.end === data.end);
}

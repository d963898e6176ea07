/**
 * Custom messages between the Provenance client and server, beyond standard LSP. Both sides import
 * this module so the method names and shapes cannot drift apart.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';

export interface PassageLink {
  uri: string;
  range: Range;
  text: string;
  message: string;
}

export interface FindingSummary {
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: Range;
  text: string;
  related: PassageLink[];
}

export interface DocumentFindingsParams {
  uri: string;
}

export interface DocumentFindingsResult {
  uri: string;
  findings: FindingSummary[];
}

/** The findings of one document with every related passage, for the side panel. */
export const DocumentFindingsRequest = new RequestType<DocumentFindingsParams, DocumentFindingsResult, void>('provenance/documentFindings');

export interface StatusParams {
  /** Articles in the index. */
  articles: number;
  /** Findings over all articles. */
  findings: number;
  /** True while the workspace is being indexed. */
  indexing: boolean;
}

/** Sent by the server whenever the index or its findings change. */
export const StatusNotification = new NotificationType<StatusParams>('provenance/status');

/** Asks the server to read every article in the workspace from disk again. */
export const ReindexRequest = new RequestType0<StatusParams, void>('provenance/reindex');

/** A Markdown report of every finding in the workspace. */
export const ExportReportRequest = new RequestType0<{ markdown: string }, void>('provenance/exportReport');

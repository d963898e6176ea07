/** Engine data types. Offsets are indices into the document's JavaScript string (UTF-16 code units). */

export type FindingCode = 'unsourced-figure' | 'conflicting-date' | 'copied-passage' | 'repeated-passage' | 'input-problem';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Span {
  start: number;
  end: number;
}

export interface ArticleSource {
  uri: string;
  text: string;
}

export interface RelatedPassage {
  uri: string;
  span: Span;
  /** The document text inside `span`. */
  text: string;
  message: string;
}

/** Machine-readable detail a detector attaches for hovers, quick fixes and the side panel. */
export type FindingData =
  | { kind: 'copied-passage'; copyKind: CopyKind; similarity: number }
  | { kind: 'repeated-passage'; occurrences: number }
  | { kind: 'unsourced-figure'; figure: string; sentence: Span; citations: FigureCitation[]; markKey: string }
  | { kind: 'conflicting-date'; resolved: string; explanation: string; event: string }
  | { kind: 'input-problem' };

export type CopyKind = 'verbatim' | 'near-verbatim' | 'reworded';

/** Where another article credits the same figure to a source. */
export interface FigureCitation {
  uri: string;
  /** The sentence there that credits it. */
  span: Span;
  /** The text of that sentence. */
  text: string;
  /** The attribution phrase as it reads there, e.g. "a US declaration in February". */
  source: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  uri: string;
  span: Span;
  /** The document text inside `span`. */
  text: string;
  related: RelatedPassage[];
  data?: FindingData;
}

import type { Span } from '../types';

/**
 * What a stretch of an article is, for colouring it. The order is the order of the semantic token legend
 * the language server declares, so it must only ever grow at the end.
 */
export const HIGHLIGHT_KINDS = ['dateline', 'quotation', 'attribution', 'figure', 'unsourcedFigure', 'date'] as const;

export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

export interface Highlight extends Span {
  kind: HighlightKind;
}

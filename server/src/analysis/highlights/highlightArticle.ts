import type { Article } from '../article';
import { analyseDates } from '../dates/articleDates';
import type { Dateline } from '../dates/dateline';
import { NO_DATELINE } from '../dates/resolve';
import { findFigures } from '../figures/findFigures';
import { findQuotations } from '../figures/quotations';
import { overlapsAny } from '../spans';
import type { Finding, Span } from '../types';
import { findAttributionCues } from './attributionCues';
import { flattenHighlights } from './flatten';
import type { Highlight } from './kinds';

/** Longest label or place before a dateline's date that is still coloured with it ("Posted on", "VALDERA (Reuters),"). */
const MAX_DATELINE_PREFIX = 60;
/** Longest tail after the date on a dateline's own line: a time and a time zone. */
const MAX_DATELINE_TAIL = 24;
const DATELINE_DASH = /^\s*(?:—|–|--|-|:)/;
/** The dates check keeps the preposition of "on Tuesday" or "in April"; the colour goes on the date alone. */
const LEADING_PREPOSITION = /^(?:on|in|since|until|by|from)\s+/i;

/**
 * What to colour in an article: its dateline, quotations, attribution cues, dates and figures, the figures
 * split by whether `findings` (the corpus's findings for this article) call them unsourced. Spans never
 * overlap and are sorted; a figure or date inside a quotation cuts the quotation around it.
 */
export function highlightArticle(article: Article, findings: readonly Finding[]): Highlight[] {
  const highlights: Highlight[] = [];
  const quotations = findQuotations(article);
  for (const quotation of quotations) highlights.push({ start: quotation.start, end: quotation.end, kind: 'quotation' });
  for (const cue of findAttributionCues(article)) highlights.push({ ...cue, kind: 'attribution' });

  const unsourced = findings.filter((f) => f.code === 'unsourced-figure' && isCurrent(article, f)).map((f) => f.span);
  for (const span of unsourced) highlights.push({ start: span.start, end: span.end, kind: 'unsourcedFigure' });
  const coveredByUnsourced = overlapsAny(unsourced);
  for (const figure of findFigures(article)) {
    if (!coveredByUnsourced(figure.span)) highlights.push({ ...figure.span, kind: 'figure' });
  }

  const dates = analyseDates(article);
  if (dates.dateline) highlights.push({ ...datelineExtent(article, dates.dateline), kind: 'dateline' });
  for (const mention of dates.mentions) {
    // A length of time ("the first visit in 24 years") is read but never dated; a weekday is a date even when no dateline resolves it.
    if (mention.source !== 'text' || (mention.value === undefined && !mention.explanation.endsWith(NO_DATELINE))) continue;
    const lead = LEADING_PREPOSITION.exec(article.text.slice(mention.span.start, mention.span.end));
    highlights.push({ start: mention.span.start + (lead ? lead[0].length : 0), end: mention.span.end, kind: 'date' });
  }
  return flattenHighlights(highlights);
}

/** Findings computed for an older text of the document must not colour the wrong words. */
function isCurrent(article: Article, finding: Finding): boolean {
  return article.text.slice(finding.span.start, finding.span.end) === finding.text;
}

/**
 * The dateline as the reader sees it: the date with the label or place before it on its line ("Post At:",
 * "VALDERA,") and the time or dash after it, not only the date the dates check reads.
 */
function datelineExtent(article: Article, dateline: Dateline): Span {
  const { text } = article;
  const paragraph = article.paragraphs.find((p) => p.start <= dateline.span.start && dateline.span.end <= p.end);
  if (!paragraph) return dateline.span;
  const lineStart = Math.max(paragraph.start, text.lastIndexOf('\n', dateline.span.start - 1) + 1);
  const start = dateline.span.start - lineStart <= MAX_DATELINE_PREFIX ? lineStart : dateline.span.start;
  const lineBreak = text.slice(dateline.span.end, paragraph.end).search(/[\r\n]/);
  const lineEnd = lineBreak < 0 ? paragraph.end : dateline.span.end + lineBreak;
  const tail = text.slice(dateline.span.end, lineEnd);
  if (tail.trim().length <= MAX_DATELINE_TAIL) return { start, end: dateline.span.end + tail.trimEnd().length };
  const dash = DATELINE_DASH.exec(tail);
  return { start, end: dateline.span.end + (dash ? dash[0].length : 0) };
}

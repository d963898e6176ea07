import { perArticle, type Article } from '../article';
import type { SentenceWords } from '../sentenceWords';
import type { Span } from '../types';

/** Quoted speech: the text between a pair of double quotation marks, marks included. */
export interface Quotation extends Span {
  /** Paragraph the quotation starts in. */
  paragraph: number;
  /** First paragraph of a quotation that runs over several paragraphs (each reopens with a mark, the last closes it). */
  chainStart: number;
}

/**
 * Finds double-quoted passages. Single quotes are left out: "’" is also the apostrophe. News style runs a
 * long quotation over several paragraphs by leaving it open at each paragraph end and reopening it at the
 * next, so a quotation still open at a paragraph end continues into the next paragraph when that opens
 * with a mark.
 */
export const findQuotations = perArticle((article: Article): readonly Quotation[] => {
  const quotations: Quotation[] = [];
  const { text } = article;
  let carried = -1;
  for (const paragraph of article.paragraphs) {
    const continues = carried >= 0 && /^["“]/.test(text.slice(paragraph.start, paragraph.start + 1));
    const chainStart = continues ? carried : paragraph.index;
    carried = -1;
    let open = -1;
    for (let i = paragraph.start; i < paragraph.end; i++) {
      const ch = text[i];
      if (ch === '“' || (ch === '"' && open < 0)) {
        if (open < 0) open = i;
      } else if ((ch === '”' || ch === '"') && open >= 0) {
        quotations.push({ start: open, end: i + 1, paragraph: paragraph.index, chainStart: open === paragraph.start ? chainStart : paragraph.index });
        open = -1;
      }
    }
    if (open >= 0) {
      quotations.push({ start: open, end: paragraph.end, paragraph: paragraph.index, chainStart: open === paragraph.start ? chainStart : paragraph.index });
      carried = open === paragraph.start ? chainStart : paragraph.index;
    }
  }
  return quotations;
});

/** The quotation containing `offset`, if any (quotations are sorted and do not overlap). */
export function quotationAt(quotations: readonly Quotation[], offset: number): Quotation | undefined {
  let low = 0;
  let high = quotations.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const q = quotations[mid];
    if (offset < q.start) high = mid - 1;
    else if (offset >= q.end) low = mid + 1;
    else return q;
  }
  return undefined;
}

/**
 * Per position of `words`, whether it lies inside a quotation. The marks themselves belong to the text
 * around it: ',"' then 'said X'.
 */
export function quotedWords(words: SentenceWords, quotations: readonly Quotation[]): boolean[] {
  return words.index.map((_, p) => {
    const start = words.start(p);
    const quotation = quotationAt(quotations, start);
    return quotation !== undefined && start !== quotation.start && words.end(p) !== quotation.end;
  });
}

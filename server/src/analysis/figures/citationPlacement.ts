import type { Span } from '../types';

/** Text to insert at an offset; the quick fixes for figures only ever insert. */
export interface Insertion {
  offset: number;
  text: string;
}

/** Where a clause ends after the figure: a semicolon, a spaced dash, or a comma before a new clause. */
const CLAUSE_END = /;|\s[—–]\s|\s--\s|,(?=\s+(?:and|but|or|which|who|while|whereas|although|though|so|yet|as|because)\b)/;
const SENTENCE_END = /[.!?][”"’')\]]*\s*$/;

/**
 * Credits `source` for the figure with ", according to <source>", placed where a reader expects it: at the
 * end of the figure's clause ("… 600 trucks crossed on Monday, according to police, and more are waiting"),
 * or, when the clause runs to the end of the sentence, before its final punctuation ("… since September,
 * according to a US declaration in February.").
 */
export function citationInsertion(text: string, sentence: Span, figure: Span, source: string): Insertion {
  const credit = `, according to ${citableSource(source)}`;
  const rest = text.slice(figure.end, sentence.end);
  const clause = CLAUSE_END.exec(rest);
  if (clause) return { offset: figure.end + clause.index, text: credit };
  const end = SENTENCE_END.exec(rest);
  return { offset: end ? figure.end + end.index : sentence.end, text: credit };
}

/** The source as it reads after "according to": on one line, with a leading article in lower case ("The ministry" → "the ministry"). */
export function citableSource(source: string): string {
  return source
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[,;:.]+$/, '')
    .replace(/^(The|A|An) /, (article) => article.toLowerCase());
}

/** A gap right after the figure for the writer to name the source in: "600 trucks (source: )". */
export const PLACEHOLDER_BEFORE_CURSOR = ' (source: ';
export const PLACEHOLDER_AFTER_CURSOR = ')';

export function placeholderInsertion(figure: Span): Insertion {
  return { offset: figure.end, text: PLACEHOLDER_BEFORE_CURSOR + PLACEHOLDER_AFTER_CURSOR };
}

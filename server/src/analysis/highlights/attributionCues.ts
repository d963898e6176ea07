import type { Article } from '../article';
import type { Token } from '../nlp';
import { quotationAt, type Quotation } from '../figures/quotations';
import type { Span } from '../types';

/** Verbs of saying and reporting, by lemma: the words an editor looks for when asking "who says so?". */
const REPORTING = new Set([
  'say', 'tell', 'report', 'estimate', 'announce', 'state', 'note', 'confirm', 'claim', 'write', 'explain', 'add', 'cite',
  'acknowledge', 'warn', 'testify', 'disclose', 'insist', 'argue', 'predict', 'forecast', 'calculate', 'reveal',
]);
/**
 * Verbs that also have a plain meaning ("the line adds four stations", "the storm claimed 40 lives", "warns of
 * a shortfall"): they credit a source only when speech is plainly around them.
 */
const SPEECH_ONLY = new Set(['add', 'claim', 'note', 'state', 'warn']);
/** Forms wink sometimes tags as nouns or adjectives at the start of a sentence. */
const ALWAYS_VERBS = new Set(['said', 'says', 'told', 'tells', 'wrote']);
/** "an estimated 5,000", "the reported toll", "declined to say": no one is credited. */
const NOT_AFTER = new Set(['a', 'an', 'the', 'to']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s']);
const QUOTE_MARKS = new Set(['"', '“', '”']);
const CLOSERS = new Set([',', '.', ';', ':', '!', '?', '"', '“', '”', 'that']);
const SPEAKER_TAGS = new Set(['PROPN', 'PRON', 'DET']);

/**
 * The words that credit a statement to someone: reporting verbs ("said", "told", "estimated") and the
 * phrases "according to" and "citing". Quoted speech is left alone: a "said" inside a quotation is the
 * speaker's, not the article's attribution. A passive report ("were reported") counts only with "by".
 */
export function findAttributionCues(article: Article, quotations: readonly Quotation[]): Span[] {
  const cues: Span[] = [];
  for (const sentence of article.sentences) {
    const words: Token[] = [];
    const quoted: boolean[] = [];
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
      const token = article.tokens[t];
      if (token.value.trim() === '') continue;
      const quotation = quotationAt(quotations, token.start);
      words.push(token);
      // Marks belong to the text around a quotation (',"' then 'said X'); the words inside do not.
      quoted.push(quotation !== undefined && token.start !== quotation.start && token.end !== quotation.end);
    }
    for (let p = 0; p < words.length; p++) {
      if (quoted[p]) continue;
      const word = words[p];
      if (word.normal === 'according' && words[p + 1]?.normal === 'to') {
        cues.push({ start: word.start, end: words[p + 1].end });
        p++;
      } else if (word.normal === 'citing') {
        cues.push({ start: word.start, end: word.end });
      } else if (isReportingVerb(word) && creditsSomeone(words, p)) {
        cues.push({ start: word.start, end: word.end });
      }
    }
  }
  return cues;
}

function isReportingVerb(token: Token): boolean {
  if (!REPORTING.has(token.lemma.toLowerCase())) return false;
  return token.pos === 'VERB' || ALWAYS_VERBS.has(token.normal);
}

function creditsSomeone(words: Token[], p: number): boolean {
  const normal = (q: number): string => words[q]?.normal ?? '';
  if (NOT_AFTER.has(normal(p - 1))) return false;
  let q = p - 1;
  while (q >= 0 && (words[q].pos === 'ADV' || words[q].pos === 'PART')) q--;
  if (BE_FORMS.has(normal(q))) return [1, 2, 3].some((d) => normal(p + d) === 'by');
  if (!SPEECH_ONLY.has(words[p].lemma.toLowerCase())) return true;
  const after = words[p + 1];
  if (after === undefined || CLOSERS.has(after.normal)) return true;
  // '…," added Ruiz' and '…, noted the ministry': the speaker follows the verb.
  const before = normal(p - 1);
  return (QUOTE_MARKS.has(before) || before === ',') && SPEAKER_TAGS.has(after.pos);
}

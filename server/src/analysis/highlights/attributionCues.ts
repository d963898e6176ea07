import { perArticle, type Article } from '../article';
import { findQuotations, quotedWords } from '../figures/quotations';
import { SentenceWords } from '../sentenceWords';
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
export const findAttributionCues = perArticle((article: Article): readonly Span[] => {
  const quotations = findQuotations(article);
  const cues: Span[] = [];
  for (const sentence of article.sentences) {
    const words = new SentenceWords(article.tokens, sentence.tokenStart, sentence.tokenEnd);
    const quoted = quotedWords(words, quotations);
    for (let p = 0; p < words.length; p++) {
      if (quoted[p]) continue;
      const word = words.normal(p);
      if (word === 'according' && words.normal(p + 1) === 'to') {
        cues.push({ start: words.start(p), end: words.end(p + 1) });
        p++;
      } else if (word === 'citing') {
        cues.push({ start: words.start(p), end: words.end(p) });
      } else if (isReportingVerb(words, p) && creditsSomeone(words, p)) {
        cues.push({ start: words.start(p), end: words.end(p) });
      }
    }
  }
  return cues;
});

function isReportingVerb(words: SentenceWords, p: number): boolean {
  if (!REPORTING.has(words.lemma(p).toLowerCase())) return false;
  return words.pos(p) === 'VERB' || ALWAYS_VERBS.has(words.normal(p));
}

function creditsSomeone(words: SentenceWords, p: number): boolean {
  if (NOT_AFTER.has(words.normal(p - 1))) return false;
  let q = p - 1;
  while (q >= 0 && (words.pos(q) === 'ADV' || words.pos(q) === 'PART')) q--;
  if (BE_FORMS.has(words.normal(q))) return [1, 2, 3].some((d) => words.normal(p + d) === 'by');
  if (!SPEECH_ONLY.has(words.lemma(p).toLowerCase())) return true;
  if (!words.has(p + 1) || CLOSERS.has(words.normal(p + 1))) return true;
  // '…," added Ruiz' and '…, noted the ministry': the speaker follows the verb.
  const before = words.normal(p - 1);
  return (QUOTE_MARKS.has(before) || before === ',') && SPEAKER_TAGS.has(words.pos(p + 1));
}

import model from 'wink-eng-lite-web-model';
import type { Article, Sentence } from '../article';
import type { Tokens } from '../tokens';
import type { Span } from '../types';

/** One occurrence of a content word in a unit, before it is weighed against the corpus. */
export interface TermOccurrence {
  /** Porter stem of the lower-cased lemma, or the digits of a number. */
  key: string;
  number: boolean;
  /** Inside quotation marks: shared quotes of officials are not evidence of copying. */
  quoted: boolean;
  /**
   * Whether the word was capitalised where capitals carry information (not first in its sentence, not in
   * a title-case line); undefined where they do not. The corpus counts these votes to tell names apart.
   */
  capitalised: boolean | undefined;
}

/**
 * The piece of text that passages are aligned by: a sentence, or a slice of an overlong one (texts
 * without sentence-final punctuation would otherwise be a single "sentence" that matches nothing well).
 */
export interface Unit extends Span {
  sentence: number;
  /** Lower-cased words and numbers in order, stop words included: for telling verbatim from reworded. */
  words: string[];
  /** Words outside quotation marks. */
  unquotedWords: number;
  terms: TermOccurrence[];
}

const MAX_UNIT_WORDS = 50;
const TARGET_UNIT_WORDS = 30;
const FUNCTION_POS = new Set(['ADP', 'AUX', 'CCONJ', 'DET', 'INTJ', 'PART', 'PRON', 'PUNCT', 'SCONJ', 'SPACE', 'SYM', 'X']);
const CLAUSE_BREAK = /^[,;:–—-]$/;
const OPEN_QUOTES = new Set(['“', '«', '„']);
const CLOSE_QUOTES = new Set(['”', '»']);

const stemCache = new Map<string, string>();
const porter = model.addons.stem;

/** Porter2 stem from the wink model, so that "laughing" and "laughs", or "categorize" and "categorization", meet. */
function stem(word: string): string {
  if (typeof porter !== 'function') return word;
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = String(porter(word));
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

function isWord(tokens: Tokens, t: number): boolean {
  const type = tokens.type(t);
  return type === 'word' || type === 'number';
}

function termKey(tokens: Tokens, t: number): string | undefined {
  if (tokens.stopWord(t) || FUNCTION_POS.has(tokens.pos(t))) return undefined;
  const type = tokens.type(t);
  const normal = tokens.normal(t);
  if (type === 'number') return normal.replace(/,/g, '');
  if (type !== 'word' || !/\p{L}/u.test(normal) || normal.length < 2) return undefined;
  return stem(tokens.lemma(t).toLowerCase());
}

/** Prefixes written joined, hyphenated or apart ("subproblem", "sub-problem", "sub problem"). */
const PREFIXES = new Set(['anti', 'co', 'counter', 'inter', 'mid', 'multi', 'non', 'over', 'post', 'pre', 're', 'semi', 'sub', 'under']);
/** Of those, the ones that are not words of their own, and so may also stand apart. */
const BOUND_PREFIXES = new Set(['anti', 'inter', 'multi', 'non', 'pre', 're', 'semi', 'sub']);

/**
 * When the token at `t` is a prefix written apart from its word, the index of that word's token: the
 * two then count as one word, so spelling variants of a compound meet.
 */
function prefixedWord(tokens: Tokens, t: number, end: number): number | undefined {
  const prefix = tokens.normal(t);
  if (tokens.type(t) !== 'word' || !PREFIXES.has(prefix)) return undefined;
  const next = t + 1;
  if (next < end && tokens.value(next) === '-' && tokens.start(next) === tokens.end(t) && next + 1 < end && tokens.start(next + 1) === tokens.end(next) && tokens.type(next + 1) === 'word') return next + 1;
  if (next < end && tokens.type(next) === 'word' && BOUND_PREFIXES.has(prefix) && tokens.start(next) > tokens.end(t) && !tokens.stopWord(next)) return next;
  return undefined;
}

/**
 * Offsets inside quotation marks, paragraph by paragraph (news style reopens a quote that runs on into
 * the next paragraph). Straight double quotes toggle; curly ones open and close.
 */
function quotedRanges(article: Article): Span[] {
  const ranges: Span[] = [];
  const marks = /["“”«»„]/g;
  let paragraph = 0;
  let open = -1;
  const closeParagraph = (): void => {
    if (open >= 0) ranges.push({ start: open, end: article.paragraphs[paragraph].end });
    open = -1;
  };
  for (let match = marks.exec(article.text); match; match = marks.exec(article.text)) {
    const at = match.index;
    while (paragraph < article.paragraphs.length && article.paragraphs[paragraph].end <= at) {
      closeParagraph();
      paragraph++;
    }
    if (paragraph >= article.paragraphs.length) break;
    if (at < article.paragraphs[paragraph].start) continue;
    const mark = match[0];
    if (open >= 0 && (CLOSE_QUOTES.has(mark) || mark === '"')) {
      ranges.push({ start: open, end: at });
      open = -1;
    } else if (open < 0 && (OPEN_QUOTES.has(mark) || mark === '"')) open = at;
  }
  if (paragraph < article.paragraphs.length) closeParagraph();
  return ranges;
}

/** Title-case lines (headlines, captions) say nothing about which words are names. */
function isTitleCase(article: Article, sentence: Sentence): boolean {
  let words = 0;
  let capitals = 0;
  const { tokens } = article;
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
    if (tokens.type(t) !== 'word' || tokens.stopWord(t)) continue;
    words++;
    if (/^\p{Lu}/u.test(tokens.value(t))) capitals++;
  }
  return words >= 2 && capitals * 4 >= words * 3;
}

/** Token index ranges of a sentence, cut at clause breaks when it is too long to align as a whole. */
function unitTokenRanges(article: Article, sentence: Sentence): Array<[number, number]> {
  const { tokens } = article;
  let total = 0;
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) if (isWord(tokens, t)) total++;
  if (total <= MAX_UNIT_WORDS) return [[sentence.tokenStart, sentence.tokenEnd]];
  const pieces = Math.ceil(total / TARGET_UNIT_WORDS);
  const target = total / pieces;
  const ranges: Array<[number, number]> = [];
  let start = sentence.tokenStart;
  let words = 0;
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
    if (isWord(tokens, t)) words++;
    const atBreak = CLAUSE_BREAK.test(tokens.value(t)) || tokens.type(t) === 'tabCRLF';
    if ((words >= target && atBreak) || words >= target * 1.5) {
      ranges.push([start, t + 1]);
      start = t + 1;
      words = 0;
    }
  }
  if (start < sentence.tokenEnd) {
    if (words < target / 3 && ranges.length > 0) ranges[ranges.length - 1][1] = sentence.tokenEnd;
    else ranges.push([start, sentence.tokenEnd]);
  }
  return ranges;
}

/** Splits an article into alignment units with their words and content terms. */
export function passageUnits(article: Article): Unit[] {
  const quotes = quotedRanges(article);
  let q = 0;
  const isQuoted = (offset: number): boolean => {
    while (q < quotes.length && quotes[q].end <= offset) q++;
    return q < quotes.length && quotes[q].start <= offset;
  };
  const { tokens } = article;
  const units: Unit[] = [];
  for (const sentence of article.sentences) {
    const titleCase = isTitleCase(article, sentence);
    let firstWord = true;
    for (const [first, end] of unitTokenRanges(article, sentence)) {
      const words: string[] = [];
      const terms: TermOccurrence[] = [];
      let unquotedWords = 0;
      let start = -1;
      let last = -1;
      for (let t = first; t < end; t++) {
        if (tokens.isBlank(t)) continue;
        if (start < 0) start = tokens.start(t);
        if (!isWord(tokens, t)) {
          last = tokens.end(t);
          continue;
        }
        const quoted = isQuoted(tokens.start(t));
        const joined = prefixedWord(tokens, t, end);
        let key: string | undefined;
        if (joined === undefined) {
          words.push(tokens.normal(t));
          key = termKey(tokens, t);
        } else {
          words.push(tokens.normal(t) + tokens.normal(joined));
          key = stem(tokens.normal(t) + tokens.lemma(joined).toLowerCase());
          t = joined;
        }
        last = tokens.end(t);
        if (!quoted) unquotedWords++;
        if (key !== undefined) {
          const number = tokens.type(t) === 'number';
          const capitalised = firstWord || titleCase || number ? undefined : /^\p{Lu}/u.test(tokens.value(t));
          terms.push({ key, number, quoted, capitalised });
        }
        firstWord = false;
      }
      if (start >= 0 && words.length > 0) units.push({ start, end: last, sentence: sentence.index, words, unquotedWords, terms });
    }
  }
  return units;
}

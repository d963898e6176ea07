import model from 'wink-eng-lite-web-model';
import type { Article, Paragraph, Sentence } from '../article';
import type { Tokens } from '../tokens';
import type { RecentMap } from '../recentMap';
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
  wording: UnitWording;
}

/**
 * What a unit reads, wherever it stands. A paragraph that recurs unchanged (in the next version of an
 * edited article) gives units with the same wording objects, so what the index worked out from them
 * can be looked up by object.
 */
export interface UnitWording {
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
 * Offsets inside quotation marks in a paragraph; a quote still open at its end runs to it (news style
 * reopens a quote that runs on into the next paragraph). Straight double quotes toggle; curly ones open
 * and close.
 */
function quotedRanges(text: string, paragraph: Span): Span[] {
  const ranges: Span[] = [];
  const marks = /["“”«»„]/g;
  marks.lastIndex = paragraph.start;
  let open = -1;
  for (let match = marks.exec(text); match && match.index < paragraph.end; match = marks.exec(text)) {
    const at = match.index;
    const mark = match[0];
    if (open >= 0 && (CLOSE_QUOTES.has(mark) || mark === '"')) {
      ranges.push({ start: open, end: at });
      open = -1;
    } else if (open < 0 && (OPEN_QUOTES.has(mark) || mark === '"')) open = at;
  }
  if (open >= 0) ranges.push({ start: open, end: paragraph.end });
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

/**
 * Paragraphs' units by the paragraphs' text, for as many paragraphs as the cache holds: units at offsets
 * from the paragraph's start and sentence indices from its first sentence.
 */
export type RecentParagraphs = RecentMap<string, Unit[]>;

/**
 * Splits an article into alignment units with their words and content terms. A paragraph's units depend
 * on its text alone (quotes close at its end, and its sentences are read on their own), so `recent`
 * paragraphs of the same text give theirs, moved to where the paragraph now stands.
 */
export function passageUnits(article: Article, recent?: RecentParagraphs): Unit[] {
  const units: Unit[] = [];
  for (const paragraph of article.paragraphs) {
    const text = article.text.slice(paragraph.start, paragraph.end);
    let read = recent?.get(text);
    if (!read) {
      read = paragraphUnits(article, paragraph).map((unit) => ({ ...unit, start: unit.start - paragraph.start, end: unit.end - paragraph.start, sentence: unit.sentence - paragraph.sentenceStart }));
      recent?.set(text, read);
    }
    for (const unit of read) units.push({ start: unit.start + paragraph.start, end: unit.end + paragraph.start, sentence: unit.sentence + paragraph.sentenceStart, wording: unit.wording });
  }
  return units;
}

function paragraphUnits(article: Article, paragraph: Paragraph): Unit[] {
  const quotes = quotedRanges(article.text, paragraph);
  let q = 0;
  const isQuoted = (offset: number): boolean => {
    while (q < quotes.length && quotes[q].end <= offset) q++;
    return q < quotes.length && quotes[q].start <= offset;
  };
  const { tokens } = article;
  const units: Unit[] = [];
  for (let s = paragraph.sentenceStart; s < paragraph.sentenceEnd; s++) {
    const sentence = article.sentences[s];
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
      if (start >= 0 && words.length > 0) units.push({ start, end: last, sentence: sentence.index, wording: { words, unquotedWords, terms } });
    }
  }
  return units;
}

import type { Article } from '../article';
import type { Tokens } from '../tokens';

/** A proper name as a set of lower-case words, so "Vladimir Putin", "Putin" and "Kim Jong-un" compare. */
export interface Name {
  text: string;
  words: string[];
}

export interface NameRun extends Name {
  /** Token index range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  /** Introduced by "in", "to", "at"…: where the event happened rather than who took part. */
  place: boolean;
}

const MONTHS_AND_DAYS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** Titles and joining words are part of how a name is written, not of who it names. */
const IGNORED_WORDS = new Set(['president', 'prime', 'minister', 'leader', 'chancellor', 'secretary', 'mayor', 'governor', 'king', 'queen', 'prince', 'princess', 'general', 'mr', 'mrs', 'ms', 'dr', 'sir', 'pope', 'senator', 'premier', 'chairman', 'chairwoman', 'chair', 'spokesman', 'spokeswoman', 'foreign', 'defense', 'defence', 'deputy', 'interior', 'finance', 'state', 'the', 'of', 'and']);
const JOINERS = new Set(['of', 'de', 'la', 'van', 'von', 'al', 'bin']);
const LOCATIVES = new Set(['in', 'to', 'at', 'into', 'inside', 'near', 'outside', 'across', 'toward', 'towards', 'around', 'above', 'below', 'off', 'beyond']);
/** Nationality adjectives ("Russian leader", "North Korean state media") describe rather than name. */
const DEMONYM_ENDING = /(?:an|ese|ish|ian|i|ic)$/;
/** A name just before these describes someone else: "the Moscow president", "Kremlin officials". */
const DESCRIBED = new Set(['president', 'leader', 'minister', 'official', 'officials', 'government', 'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'counterpart', 'envoy', 'delegation', 'authorities', 'ambassador', 'diplomat', 'diplomats']);
const TITLE_CASE_SHARE = 0.7;

/** Per-article knowledge of which words are names even where capitals prove nothing (headlines, sentence starts). */
export class NameVocabulary {
  private readonly proper = new Set<string>();
  private readonly titleCase: boolean[];

  constructor(private readonly article: Article) {
    this.titleCase = article.sentences.map((s) => isTitleCase(article, s.tokenStart, s.tokenEnd));
    article.sentences.forEach((sentence, index) => {
      if (this.titleCase[index]) return;
      for (let t = sentence.tokenStart + 1; t < sentence.tokenEnd; t++) {
        if (isCapitalisedWord(article.tokens.value(t)) && !article.tokens.stopWord(t)) this.proper.add(article.tokens.normal(t));
      }
    });
  }

  /** Whether token `t` of sentence `sentenceIndex` is part of a name. */
  isNameWord(sentenceIndex: number, t: number): boolean {
    const { tokens } = this.article;
    const normal = tokens.normal(t);
    if (!isCapitalisedWord(tokens.value(t)) || tokens.stopWord(t) || MONTHS_AND_DAYS.has(normal)) return false;
    const sentence = this.article.sentences[sentenceIndex];
    if (this.titleCase[sentenceIndex]) return this.proper.has(normal);
    if (t === sentence.tokenStart || isAfterOpeningQuote(tokens, t, sentence.tokenStart)) return this.proper.has(normal) || this.opensWithName(t);
    return true;
  }

  /**
   * A capital that opens a sentence proves nothing, but a proper noun there that is not a plural and is
   * followed by a verb or another proper noun is a name: "Lavrov arrived", "Vladimir Putin".
   */
  private opensWithName(t: number): boolean {
    const { tokens } = this.article;
    const next = t + 1;
    return tokens.pos(t) === 'PROPN' && !/s$/.test(tokens.normal(t)) && next < tokens.length && (tokens.pos(next) === 'VERB' || (tokens.pos(next) === 'PROPN' && isCapitalisedWord(tokens.value(next))));
  }

  /** Names among tokens [from, to) of a sentence, skipping tokens in `exclude`. */
  runs(sentenceIndex: number, from: number, to: number, exclude: (t: number) => boolean): NameRun[] {
    const { tokens, text } = this.article;
    const runs: NameRun[] = [];
    let t = from;
    while (t < to) {
      if (exclude(t) || !this.isNameWord(sentenceIndex, t)) {
        t++;
        continue;
      }
      const start = t;
      let end = t + 1;
      for (;;) {
        if (end < to && !exclude(end) && this.isNameWord(sentenceIndex, end)) end++;
        else if (end + 1 < to && JOINERS.has(tokens.normal(end)) && !exclude(end + 1) && this.isNameWord(sentenceIndex, end + 1)) end += 2;
        else break;
      }
      t = end;
      // The token after the run, when it is still among [from, to).
      const next = end < to && end < tokens.length ? end : undefined;
      const adjective = end - start <= 2 && DEMONYM_ENDING.test(tokens.normal(end - 1)) && next !== undefined && (tokens.value(next) === '-' || (/^[a-z]/.test(tokens.value(next)) && (tokens.pos(next) === 'NOUN' || tokens.pos(next) === 'ADJ')));
      const describes = adjective || (next !== undefined && DESCRIBED.has(tokens.normal(next)));
      if (describes) continue;
      const words: string[] = [];
      for (let w = start; w < end; w++) for (const word of tokens.normal(w).split(/[-‐]/)) if (word.length > 0 && !IGNORED_WORDS.has(word)) words.push(word);
      if (words.length === 0) continue;
      let before = start - 1;
      if (before >= from && tokens.normal(before) === 'the') before--;
      const place = before >= this.article.sentences[sentenceIndex].tokenStart && LOCATIVES.has(tokens.normal(before));
      runs.push({ text: text.slice(tokens.start(start), tokens.end(end - 1)), words, tokenStart: start, tokenEnd: end, place });
    }
    return runs;
  }
}

function isCapitalisedWord(value: string): boolean {
  // Read for every token of an article on every keystroke: ASCII, most of them, is told without a regex.
  const first = value.charCodeAt(0);
  if (first < 0x80) return first >= 0x41 && first <= 0x5a;
  return /^\p{Lu}/u.test(value) && /\p{L}/u.test(value);
}

function isAfterOpeningQuote(tokens: Tokens, t: number, sentenceStart: number): boolean {
  return t - 1 >= sentenceStart && /^["“‘']$/.test(tokens.value(t - 1));
}

function isTitleCase(article: Article, from: number, to: number): boolean {
  let words = 0;
  let capitalised = 0;
  const { tokens } = article;
  for (let t = from; t < to; t++) {
    const value = tokens.value(t);
    if (tokens.type(t) !== 'word' || value.length <= 3) continue;
    words++;
    if (isCapitalisedWord(value)) capitalised++;
  }
  return words >= 3 && capitalised >= words * TITLE_CASE_SHARE;
}

/** Two names name the same one when the words of one are all among the words of the other. */
export function sameName(a: Name, b: Name): boolean {
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a];
  return short.words.every((word) => long.words.includes(word));
}

export function anySameName(a: readonly Name[], b: readonly Name[]): boolean {
  return a.some((x) => b.some((y) => sameName(x, y)));
}

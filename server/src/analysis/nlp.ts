import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Span } from './types';

export type TokenType = 'word' | 'number' | 'punctuation' | 'symbol' | 'currency' | 'email' | 'url' | 'mention' | 'hashtag' | 'emoji' | 'emoticon' | 'ordinal' | 'time' | 'unit' | 'quoted_phrase' | 'tabCRLF' | string;

export interface Token extends Span {
  value: string;
  /** Lower-cased, normalised form (wink's `normal`). */
  normal: string;
  lemma: string;
  type: TokenType;
  pos: string;
  stopWord: boolean;
}

export interface Entity extends Span {
  /** wink's entity type: CARDINAL, MONEY, PERCENT, DATE, DURATION, TIME, ORDINAL, … */
  type: string;
  value: string;
  /** Index of the first token of the entity and one past its last. */
  tokenStart: number;
  tokenEnd: number;
}

export interface NlpResult {
  tokens: Token[];
  /** Sentence boundaries as token index ranges [first, last] inclusive, as wink reports them. */
  sentenceTokenSpans: Array<[number, number]>;
  entities: Entity[];
}

let instance: ReturnType<typeof winkNLP> | undefined;

/**
 * wink's default pipeline also scores negation and sentiment, which nothing here reads; leaving them out
 * makes reading a quarter faster and changes no token, tag, sentence or entity.
 */
const PIPELINE = ['sbd', 'pos', 'ner'];

function nlp(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model, PIPELINE);
  return instance;
}

/**
 * Runs wink-nlp over the text. wink reports tokens without offsets, but its tokenizer is lossless: the
 * text is exactly each token's preceding white space followed by its value, so offsets are recovered by
 * walking the text. Should a token ever fail to line up, it is located by searching forward instead.
 */
export function analyzeText(text: string): NlpResult {
  const engine = nlp();
  const its = engine.its;
  const analysed = shortenOverlongWords(text);
  const doc = engine.readDoc(analysed.text);
  const tokenCollection = doc.tokens();
  const values = tokenCollection.out(its.value) as string[];
  const spaces = tokenCollection.out(its.precedingSpaces) as string[];
  const normals = tokenCollection.out(its.normal) as string[];
  // wink types `lemma` with the model add-ons argument that `out` supplies itself.
  const lemmas = tokenCollection.out(its.lemma as unknown as typeof its.value) as string[];
  const types = tokenCollection.out(its.type) as string[];
  const posTags = tokenCollection.out(its.pos) as string[];
  const stopFlags = tokenCollection.out(its.stopWordFlag) as unknown as boolean[];

  const tokens: Token[] = new Array(values.length);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    offset += spaces[i].length;
    if (analysed.text.startsWith(value, offset) === false) {
      const found = analysed.text.indexOf(value, offset);
      if (found >= 0) offset = found;
    }
    const start = Math.min(offset, text.length);
    const headEnd = Math.min(start + value.length, text.length);
    const end = analysed.runEnds.get(headEnd) ?? headEnd;
    // wink gives no lemma for some words ("cannot" before a comma): the normal form stands in for it.
    tokens[i] = { start, end, value: end === headEnd ? value : text.slice(start, end), normal: normals[i] ?? value.toLowerCase(), lemma: lemmas[i] ?? normals[i] ?? value.toLowerCase(), type: types[i], pos: posTags[i], stopWord: stopFlags[i] };
    // wink counts the blanked rest of a shortened run as the next token's preceding spaces.
    offset = headEnd;
  }

  const sentenceTokenSpans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  const entityDetails = doc.entities().out(its.detail) as unknown as Array<{ value: string; type: string }>;
  const entitySpans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  const entities: Entity[] = [];
  for (let i = 0; i < entitySpans.length; i++) {
    const [first, last] = entitySpans[i];
    if (!tokens[first] || !tokens[last]) continue;
    const start = tokens[first].start;
    const end = tokens[last].end;
    entities.push({ start, end, type: entityDetails[i].type, value: text.slice(start, end), tokenStart: first, tokenEnd: last + 1 });
  }
  return { tokens, sentenceTokenSpans, entities };
}

/** Runs of non-space characters longer than this are shortened before wink sees them. */
const MAX_WORD_LENGTH = 64;
const OVERLONG_WORD = new RegExp(`\\S{${MAX_WORD_LENGTH + 1},}`, 'g');

interface Shortened {
  /** The text wink reads: as long as the real one, so offsets hold for both. */
  text: string;
  /** Where a shortened run's kept head ends, mapped to where the whole run ends. */
  runEnds: Map<number, number>;
}

/**
 * wink tests every token with regular expressions whose time grows with the square of the token's
 * length (its abbreviation test is `/[a-z].*\.$/i`), so a long run without spaces (a megabyte of digits, a
 * pasted blob) would never finish. wink reads only the head of such a run, the rest blanked to spaces; the
 * token ending the head is then stretched over the whole run, so the run stays one word as wink would
 * have made it. No word of prose is that long.
 */
function shortenOverlongWords(text: string): Shortened {
  const runEnds = new Map<number, number>();
  const shortened = text.replace(OVERLONG_WORD, (run: string, at: number) => {
    // Never keep half of a surrogate pair.
    const head = isHighSurrogate(run.charCodeAt(MAX_WORD_LENGTH - 1)) ? MAX_WORD_LENGTH - 1 : MAX_WORD_LENGTH;
    runEnds.set(at + head, at + run.length);
    return run.slice(0, head) + ' '.repeat(run.length - head);
  });
  return { text: shortened, runEnds };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

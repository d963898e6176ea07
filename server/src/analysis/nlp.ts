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

function nlp(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model);
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
  const analysed = breakOverlongWords(text);
  const doc = engine.readDoc(analysed);
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
    if (analysed.startsWith(value, offset) === false) {
      const found = analysed.indexOf(value, offset);
      if (found >= 0) offset = found;
    }
    const start = Math.min(offset, text.length);
    const end = Math.min(start + value.length, text.length);
    tokens[i] = { start, end, value: analysed === text ? value : text.slice(start, end), normal: normals[i], lemma: lemmas[i], type: types[i], pos: posTags[i], stopWord: stopFlags[i] };
    offset = end;
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

/** Runs of non-space characters longer than this are cut before wink sees them. */
const MAX_WORD_LENGTH = 64;
const OVERLONG_WORD = new RegExp(`\\S{${MAX_WORD_LENGTH + 1},}`, 'g');

/**
 * wink tests every token with regular expressions whose time grows with the square of its length (its
 * abbreviation test is `/[a-z].*\.$/i`), so a long run without spaces (a megabyte of digits, a pasted
 * blob) would never finish. Such runs are cut by turning one character in every MAX_WORD_LENGTH into a
 * space. The copy has the same length, so every offset holds for the real text, from which token values
 * are then read. No word of prose is that long.
 */
function breakOverlongWords(text: string): string {
  return text.replace(OVERLONG_WORD, (run) => {
    let cut = '';
    let from = 0;
    for (let at = MAX_WORD_LENGTH; at < run.length; at += MAX_WORD_LENGTH + 1) {
      // Never split a surrogate pair: a lone half would make the pieces invalid text.
      if (isLowSurrogate(run.charCodeAt(at))) at++;
      if (at >= run.length) break;
      cut += `${run.slice(from, at)} `;
      from = at + 1;
    }
    return cut + run.slice(from);
  });
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

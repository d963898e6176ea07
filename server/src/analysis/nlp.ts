import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Span } from './types';
import { TokensBuilder, type Tokens } from './tokens';

export interface Entity extends Span {
  /** wink's entity type: CARDINAL, MONEY, PERCENT, DATE, DURATION, TIME, ORDINAL, … */
  type: string;
  value: string;
  /** Index of the first token of the entity and one past its last. */
  tokenStart: number;
  tokenEnd: number;
}

/** What wink reads besides the tokens: sentences and entities, by token index. */
export interface Structure {
  /** Sentence boundaries as token index ranges [first, last] inclusive, as wink reports them. */
  sentenceTokenSpans: Array<[number, number]>;
  entities: Entity[];
}

export interface NlpResult extends Structure {
  tokens: Tokens;
}

let instance: ReturnType<typeof winkNLP> | undefined;

/**
 * wink's default pipeline also scores negation and sentiment, which nothing here reads; leaving them out
 * makes reading a quarter faster and changes no token, tag, sentence or entity.
 */
const PIPELINE = ['sbd', 'pos', 'ner'];

function nlp(): ReturnType<typeof winkNLP> {
  instance ??= forgetfulReader();
  return instance;
}

/** The parts of wink's word cache used here (its `cache.js`). */
interface WordCache {
  lookup(text: string): number[] | null;
  /** Entries of the model's own lexicon: a learned word's index is at least this. */
  intrinsicSize(): number;
  add(text: string, category: number): number;
}

/**
 * A wink reader whose tokens do not depend on what it read before. wink files every unknown word it meets
 * in a cache shared by all documents, and its tokenizer takes any stretch of text found there whole, ahead
 * of its own rules: once "in the world's." has been read, "the world's economy" gives "world's" where a
 * fresh reader gives "world" and "'s". An article would then read differently depending on the articles
 * read before it (155 of 1,000 generated articles did, read in reverse order), and findings would change
 * between runs, reading threads and edits. wink has no option to turn this off, so the cache's `lookup`,
 * which the tokenizer asks, is made to answer only for words of the model's own lexicon, except while
 * the cache files a word (the model's part-of-speech guess looks the word up there). The cache is reached
 * through the one add-on wink hands a document's data to, `readabilityStats`, called once here.
 */
function forgetfulReader(): ReturnType<typeof winkNLP> {
  const addons = model.addons as unknown as Record<string, unknown>;
  let cache: WordCache | undefined;
  const capturing = { ...model, addons: { ...addons, readabilityStats: (data: { cache: WordCache }) => void (cache = data.cache) } };
  const reader = winkNLP(capturing as unknown as typeof model, PIPELINE);
  reader.readDoc('.').out(reader.its.readabilityStats);
  if (!cache) throw new Error('wink-nlp no longer hands its cache to readabilityStats: tokens would depend on reading order');
  const wordCache = cache;
  const { lookup, add } = wordCache;
  const lexiconSize = wordCache.intrinsicSize();
  let filing = 0;
  wordCache.add = (text, category) => {
    filing++;
    try {
      return add(text, category);
    } finally {
      filing--;
    }
  };
  wordCache.lookup = (text) => {
    const found = lookup(text);
    // A single entry outside the model's lexicon is a learned word.
    return filing === 0 && found !== null && found.length === 1 && found[0] >= lexiconSize ? null : found;
  };
  return reader;
}

/** Runs wink-nlp over the text. */
export function analyzeText(text: string): NlpResult {
  const tokens = new TokensBuilder();
  const structure = readInto(text, tokens, 0);
  return { tokens: tokens.build(), ...structure };
}

/**
 * Runs wink-nlp over the text, adding its tokens to `tokens` at offsets `offset` further on; sentences and
 * entities count tokens from the first one added, and entities' offsets are moved on too. wink reports
 * tokens without offsets, but its tokenizer is lossless: the text is exactly each token's preceding white
 * space followed by its value, so offsets are recovered by walking the text. Should a token ever fail to
 * line up, it is located by searching forward instead.
 */
export function readInto(text: string, tokens: TokensBuilder, offset: number): Structure {
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

  const first = tokens.length;
  // Where each token starts and ends in `text`, for the entities.
  const starts = new Int32Array(values.length);
  const ends = new Int32Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    at += spaces[i].length;
    if (analysed.text.startsWith(value, at) === false) {
      const found = analysed.text.indexOf(value, at);
      if (found >= 0) at = found;
    }
    const start = Math.min(at, text.length);
    const headEnd = Math.min(start + value.length, text.length);
    const end = analysed.runEnds.get(headEnd) ?? headEnd;
    starts[i] = start;
    ends[i] = end;
    // wink gives no lemma for some words ("cannot" before a comma): the normal form stands in for it.
    tokens.add(start + offset, end + offset, end === headEnd ? value : text.slice(start, end), normals[i] ?? value.toLowerCase(), lemmas[i] ?? normals[i] ?? value.toLowerCase(), types[i], posTags[i], stopFlags[i]);
    // wink counts the blanked rest of a shortened run as the next token's preceding spaces.
    at = headEnd;
  }

  const sentenceTokenSpans = (doc.sentences().out(its.span) as unknown as Array<[number, number]>).map(([from, to]): [number, number] => [from + first, to + first]);
  const entityDetails = doc.entities().out(its.detail) as unknown as Array<{ value: string; type: string }>;
  const entitySpans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  const entities: Entity[] = [];
  for (let i = 0; i < entitySpans.length; i++) {
    const [from, last] = entitySpans[i];
    if (from >= values.length || last >= values.length) continue;
    const start = starts[from];
    const end = ends[last];
    entities.push({ start: start + offset, end: end + offset, type: entityDetails[i].type, value: text.slice(start, end), tokenStart: from + first, tokenEnd: last + 1 + first });
  }
  return { sentenceTokenSpans, entities };
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

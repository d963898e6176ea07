import { analyzeText, type Entity, type NlpResult, type Token } from './nlp';
import type { Span } from './types';

/** The language analysis an earlier version of the same document kept, to be reused where a paragraph is unchanged. */
export interface EarlierAnalysis {
  text: string;
  paragraphs: readonly Span[];
  tokens: readonly Token[];
  /** Sentences as token index ranges [tokenStart, tokenEnd), in order. */
  sentences: ReadonlyArray<{ tokenStart: number; tokenEnd: number }>;
  entities: readonly Entity[];
}

/**
 * wink's analysis of the paragraphs of a text, at offsets of the whole text. Only the tokens inside
 * paragraphs are kept, and no sentence or entity runs from one paragraph into the next, so that each
 * paragraph's analysis depends on its own text alone: a paragraph left unchanged by an edit is taken
 * from the earlier analysis instead of being read again, which is most of the cost of a keystroke.
 * Paragraphs that must be read are read together, a run at a time, as one call costs less than many.
 */
export function analyzeParagraphs(text: string, paragraphs: readonly Span[], earlier?: EarlierAnalysis): NlpResult {
  const result: NlpResult = { tokens: [], sentenceTokenSpans: [], entities: [] };
  const earlierByText = earlier ? paragraphsByText(earlier) : undefined;
  let run: Span[] = [];
  const readRun = (): void => {
    if (run.length > 0) appendRead(result, text, run);
    run = [];
  };
  for (const paragraph of paragraphs) {
    const same = earlierByText?.get(text.slice(paragraph.start, paragraph.end));
    if (same === undefined || !earlier) {
      run.push(paragraph);
      continue;
    }
    readRun();
    appendEarlier(result, earlier, earlier.paragraphs[same], paragraph.start);
  }
  readRun();
  return result;
}

function paragraphsByText(earlier: EarlierAnalysis): Map<string, number> {
  const byText = new Map<string, number>();
  earlier.paragraphs.forEach((p, index) => {
    const key = earlier.text.slice(p.start, p.end);
    if (!byText.has(key)) byText.set(key, index);
  });
  return byText;
}

/** Reads a run of paragraphs in one call, keeping what lies inside them. */
function appendRead(result: NlpResult, text: string, run: Span[]): void {
  const from = run[0].start;
  const read = analyzeText(text.slice(from, run[run.length - 1].end));
  // For each token read, its index in the result, or -1 when it lies between paragraphs.
  const kept = new Int32Array(read.tokens.length).fill(-1);
  const paragraphOf = new Int32Array(read.tokens.length).fill(-1);
  let p = 0;
  read.tokens.forEach((token, i) => {
    const start = token.start + from;
    while (p < run.length && run[p].end <= start) p++;
    if (p >= run.length || start < run[p].start) return;
    kept[i] = result.tokens.length;
    paragraphOf[i] = p;
    result.tokens.push(moved(token, from));
  });
  for (const [first, last] of read.sentenceTokenSpans) {
    // A sentence wink ran across paragraphs is cut at each boundary.
    let pieceStart = -1;
    for (let t = first; t <= last && t < kept.length; t++) {
      if (kept[t] < 0) continue;
      if (pieceStart >= 0 && paragraphOf[t] !== paragraphOf[pieceStart]) {
        result.sentenceTokenSpans.push([kept[pieceStart], kept[previousKept(kept, t)]]);
        pieceStart = -1;
      }
      if (pieceStart < 0) pieceStart = t;
    }
    if (pieceStart >= 0) result.sentenceTokenSpans.push([kept[pieceStart], kept[previousKept(kept, Math.min(last, kept.length - 1) + 1)]]);
  }
  for (const entity of read.entities) {
    const first = entity.tokenStart;
    const last = entity.tokenEnd - 1;
    if (kept[first] < 0 || kept[last] < 0 || paragraphOf[first] !== paragraphOf[last]) continue;
    result.entities.push({ ...entity, start: entity.start + from, end: entity.end + from, tokenStart: kept[first], tokenEnd: kept[last] + 1 });
  }
}

/** A token `shift` characters further on; spelt out, as an object spread per token costs more than the copy. */
function moved(token: Token, shift: number): Token {
  return { start: token.start + shift, end: token.end + shift, value: token.value, normal: token.normal, lemma: token.lemma, type: token.type, pos: token.pos, stopWord: token.stopWord };
}

/** The last kept token before index `t`. */
function previousKept(kept: Int32Array, t: number): number {
  let i = t - 1;
  while (kept[i] < 0) i--;
  return i;
}

/** Copies an unchanged paragraph's analysis from the earlier version, moved to where the paragraph now starts. */
function appendEarlier(result: NlpResult, earlier: EarlierAnalysis, paragraph: Span, start: number): void {
  const shift = start - paragraph.start;
  const firstToken = firstAtOrAfter(earlier.tokens, paragraph.start);
  const tokenShift = result.tokens.length - firstToken;
  for (let t = firstToken; t < earlier.tokens.length && earlier.tokens[t].start < paragraph.end; t++) {
    const token = earlier.tokens[t];
    // Tokens are never changed once made, so one that has not moved is shared with the earlier version.
    result.tokens.push(shift === 0 ? token : moved(token, shift));
  }
  for (let s = firstSentenceFrom(earlier.sentences, firstToken); s < earlier.sentences.length && earlier.tokens[earlier.sentences[s].tokenStart].start < paragraph.end; s++) {
    const sentence = earlier.sentences[s];
    result.sentenceTokenSpans.push([sentence.tokenStart + tokenShift, sentence.tokenEnd - 1 + tokenShift]);
  }
  for (let e = firstAtOrAfter(earlier.entities, paragraph.start); e < earlier.entities.length && earlier.entities[e].start < paragraph.end; e++) {
    const entity = earlier.entities[e];
    result.entities.push(shift === 0 && tokenShift === 0 ? entity : { ...entity, start: entity.start + shift, end: entity.end + shift, tokenStart: entity.tokenStart + tokenShift, tokenEnd: entity.tokenEnd + tokenShift });
  }
}

/** Index of the first span starting at or after `offset` in spans sorted by start. */
function firstAtOrAfter(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function firstSentenceFrom(sentences: EarlierAnalysis['sentences'], token: number): number {
  let low = 0;
  let high = sentences.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sentences[mid].tokenStart < token) low = mid + 1;
    else high = mid;
  }
  return low;
}

import { analyzeText, type Entity, type NlpResult, type Token } from './nlp';
import { firstIndexNotBefore } from './search';
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
 * wink's analysis of the paragraphs of a text, at offsets of the whole text, each paragraph read on its
 * own: wink's sentence breaks and tags near a paragraph's start depend on the text before it, so a
 * paragraph read with its neighbours would not read the same once they change. Read alone, a paragraph
 * left unchanged by an edit can be taken from the earlier analysis instead of being read again, which
 * is most of the cost of a keystroke.
 */
export function analyzeParagraphs(text: string, paragraphs: readonly Span[], earlier?: EarlierAnalysis): NlpResult {
  const result: NlpResult = { tokens: [], sentenceTokenSpans: [], entities: [] };
  const earlierByText = earlier ? paragraphsByText(earlier) : undefined;
  for (const paragraph of paragraphs) {
    const same = earlierByText?.get(text.slice(paragraph.start, paragraph.end));
    if (same !== undefined && earlier) appendEarlier(result, earlier, earlier.paragraphs[same], paragraph.start);
    else appendRead(result, text, paragraph);
  }
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

function appendRead(result: NlpResult, text: string, paragraph: Span): void {
  const read = analyzeText(text.slice(paragraph.start, paragraph.end));
  const tokenShift = result.tokens.length;
  // Just made, and seen by no one yet: moved in place rather than copied.
  for (const token of read.tokens) {
    token.start += paragraph.start;
    token.end += paragraph.start;
    result.tokens.push(token);
  }
  for (const [first, last] of read.sentenceTokenSpans) result.sentenceTokenSpans.push([first + tokenShift, last + tokenShift]);
  for (const entity of read.entities) {
    entity.start += paragraph.start;
    entity.end += paragraph.start;
    entity.tokenStart += tokenShift;
    entity.tokenEnd += tokenShift;
    result.entities.push(entity);
  }
}

/** A token `shift` characters further on; spelt out, as an object spread per token costs more than the copy. */
function moved(token: Token, shift: number): Token {
  return { start: token.start + shift, end: token.end + shift, value: token.value, normal: token.normal, lemma: token.lemma, type: token.type, pos: token.pos, stopWord: token.stopWord };
}

function movedEntity(entity: Entity, shift: number, tokenShift: number): Entity {
  return { start: entity.start + shift, end: entity.end + shift, type: entity.type, value: entity.value, tokenStart: entity.tokenStart + tokenShift, tokenEnd: entity.tokenEnd + tokenShift };
}

/** Copies an unchanged paragraph's analysis from the earlier version, moved to where the paragraph now starts. */
function appendEarlier(result: NlpResult, earlier: EarlierAnalysis, paragraph: Span, start: number): void {
  const shift = start - paragraph.start;
  const firstToken = firstIndexNotBefore(0, earlier.tokens.length, (t) => earlier.tokens[t].start < paragraph.start);
  const tokenShift = result.tokens.length - firstToken;
  for (let t = firstToken; t < earlier.tokens.length && earlier.tokens[t].start < paragraph.end; t++) {
    const token = earlier.tokens[t];
    // Tokens are never changed once made, so one that has not moved is shared with the earlier version.
    result.tokens.push(shift === 0 ? token : moved(token, shift));
  }
  for (let s = firstIndexNotBefore(0, earlier.sentences.length, (i) => earlier.sentences[i].tokenStart < firstToken); s < earlier.sentences.length && earlier.tokens[earlier.sentences[s].tokenStart].start < paragraph.end; s++) {
    const sentence = earlier.sentences[s];
    result.sentenceTokenSpans.push([sentence.tokenStart + tokenShift, sentence.tokenEnd - 1 + tokenShift]);
  }
  for (let e = firstIndexNotBefore(0, earlier.entities.length, (i) => earlier.entities[i].start < paragraph.start); e < earlier.entities.length && earlier.entities[e].start < paragraph.end; e++) {
    const entity = earlier.entities[e];
    result.entities.push(shift === 0 && tokenShift === 0 ? entity : movedEntity(entity, shift, tokenShift));
  }
}

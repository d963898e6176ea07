import type { Article, Sentence } from '../article';
import type { Span } from '../types';
import { AGREEMENT_NOUNS, END_WORDS, IMPACT_VERBS, FUTURE_BEFORE_TO, FUTURE_WORDS, GENERIC_MODIFIERS, MODALS, LIGHT_VERBS, NEXT_WORDS, OTHER_WORDS, PHRASES, PREVIOUS_WORDS, START_WORDS, WORDS, type Family, type Phase, type Sense } from './lexicon';
import type { Name, NameVocabulary } from './names';
import type { TemporalExpression } from './temporal';

/** Which occurrence of a recurring event a mention is about: this visit, the last one, the next one. */
export type Occurrence = 'this' | 'previous' | 'next' | 'other';

/** A word or phrase naming an event, at token indices [head, end) of the article. */
export interface EventWord {
  head: number;
  end: number;
  sense: Sense;
  verb: boolean;
  /** "to meet": a purpose, not what the clause reports. */
  infinitive: boolean;
}

/** The event a date is tied to, with what identifies it across articles. */
export interface EventRef {
  family: Family;
  label: string;
  phase: Phase;
  occurrence: Occurrence;
  span: Span;
  actors: Name[];
  places: Name[];
  /** What the event concerns, where that tells occurrences apart: the "customs" of a customs agreement. */
  things: Name[];
  /** True when the clause names no one and the participants come from the article's other mentions. */
  inferred: boolean;
}

/** The event a temporal expression dates, and what the clause says about time. */
export interface Attachment {
  word?: EventWord;
  occurrence: Occurrence;
  phase: Phase;
  future: boolean;
  /** For "24 years after his last visit": the event the duration counts from. */
  anchor?: { word: EventWord; occurrence: Occurrence };
}

export type Segment = [number, number];

const CLAUSE_BREAKS = new Set([',', ';', ':', '(', ')', '—', '–', '[', ']']);
const MAX_QUALIFIER_DISTANCE = 3;
const MAX_ANCHOR_DISTANCE = 6;
const MAX_FIRST_SINCE_DISTANCE = 8;
const MAX_AUXILIARY_DISTANCE = 5;
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'whose']);
const PERSONAL_PRONOUNS = new Set(['he', 'she', 'his', 'her', 'him']);
const MAX_MODIFIERS = 3;

/** Clauses, roughly: runs of tokens between commas, semicolons, colons, brackets and dashes. */
export function segmentsOf(article: Article, sentence: Sentence): Segment[] {
  const segments: Segment[] = [];
  let start = sentence.tokenStart;
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
    const token = article.tokens[t];
    const spacedHyphen = token.value === '-' && t > 0 && article.tokens[t - 1].end < token.start;
    if (!CLAUSE_BREAKS.has(token.value) && !spacedHyphen) continue;
    if (t > start) segments.push([start, t]);
    start = t + 1;
  }
  if (start < sentence.tokenEnd) segments.push([start, sentence.tokenEnd]);
  return segments;
}

const PHRASES_BY_FIRST = new Map<string, Array<(typeof PHRASES)[number]>>();
for (const phrase of PHRASES) PHRASES_BY_FIRST.set(phrase.words[0], [...(PHRASES_BY_FIRST.get(phrase.words[0]) ?? []), phrase]);

/** Every event word of the lexicon in a sentence. */
export function findEventWords(article: Article, sentence: Sentence): EventWord[] {
  const { tokens } = article;
  const found: EventWord[] = [];
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
    const phrase = (PHRASES_BY_FIRST.get(tokens[t].lemma) ?? PHRASES_BY_FIRST.get(tokens[t].normal))?.find(({ words }) => words.every((word, i) => t + i < sentence.tokenEnd && (word === '*' || tokens[t + i].lemma === word || tokens[t + i].normal === word)));
    if (phrase) {
      found.push({ head: t, end: t + phrase.words.length, sense: phrase.sense, verb: true, infinitive: isInfinitive(article, t) });
      t += phrase.words.length - 1;
      continue;
    }
    const token = tokens[t];
    const sense = WORDS.get(token.lemma) ?? WORDS.get(token.normal);
    if (!sense) continue;
    const verb = token.pos === 'VERB';
    if (sense.as === 'verb' && !verb) continue;
    if (sense.as === 'noun' && verb) continue;
    found.push({ head: t, end: t + 1, sense, verb, infinitive: verb && isInfinitive(article, t) });
  }
  return found;
}

function isInfinitive(article: Article, t: number): boolean {
  return t > 0 && article.tokens[t - 1].normal === 'to';
}

/**
 * Ties a temporal expression to the event it dates: an event word of its own clause (a verb before a
 * noun, the nearer first), or, when its clause has no verb of its own ("On Wednesday, …", ", which took
 * place in April"), the nearest event word of the clauses beside it.
 */
export function attach(article: Article, expression: TemporalExpression, words: EventWord[], segments: Segment[]): Attachment {
  const segmentOf = (t: number): Segment => segments.find(([from, to]) => from <= t && t < to) ?? [t, t + 1];
  const home = segmentOf(expression.tokenStart);
  const inside = (word: EventWord): boolean => word.head < expression.tokenEnd && expression.tokenStart < word.end;
  const distance = (word: EventWord): number => (word.head >= expression.tokenEnd ? word.head - expression.tokenEnd : expression.tokenStart - word.end);

  let anchor: Attachment['anchor'];
  if (expression.shape.kind === 'anchored') {
    const word = words.find((w) => w.head >= expression.tokenEnd && w.head < home[1] && w.head - expression.tokenEnd <= MAX_ANCHOR_DISTANCE);
    if (word) anchor = { word, occurrence: occurrenceOf(article, word, home) };
  }

  // "his first visit to the country since 2000": the year dates the visit before this one.
  if (expression.since) {
    const visit = [...words].reverse().find((w) => !w.verb && w.head < expression.tokenStart && w.head >= home[0] && expression.tokenStart - w.end <= MAX_FIRST_SINCE_DISTANCE);
    const first = (n: string): boolean => n === 'first';
    if (visit && (hasWordBefore(article, visit.head, home[0], MAX_QUALIFIER_DISTANCE, first) || hasWordBefore(article, expression.tokenStart, visit.end, MAX_FIRST_SINCE_DISTANCE, first))) {
      return { word: visit, occurrence: 'previous', phase: 'whole', future: false };
    }
  }

  const candidates = words.filter((w) => !inside(w) && w !== anchor?.word && !verbBetween(article, w, expression));
  const ownClause = candidates.filter((w) => w.head >= home[0] && w.head < home[1]);
  let pool: Array<{ word: EventWord; rank: number }>;
  if (ownClause.length > 0) {
    // The nearest word wins; a verb, or a word before the date, is the likelier one at equal distance.
    pool = ownClause.map((word) => ({ word, rank: distance(word) + (word.infinitive ? 20 : word.verb ? 0 : 2) + (word.head >= expression.tokenEnd ? 3 : 0) }));
  } else if (!hasOwnVerb(article, home)) {
    // A clause without a verb of its own: the antecedent of "…, which took place in April", or the
    // clause an opening "On Wednesday, …" leads into, past any other verbless clause between them.
    const index = segments.indexOf(home);
    const before = segments[index - 1];
    const after = segments.slice(index + 1).find((segment) => hasAnyVerb(article, segment));
    pool = candidates
      .filter((w) => [before, after].some((s) => s !== undefined && s[0] <= w.head && w.head < s[1]))
      .map((word) => ({ word, rank: distance(word) + (word.infinitive ? 20 : 0) }));
  } else pool = [];
  pool.sort((a, b) => a.rank - b.rank);
  const word = pool[0]?.word;

  const wordSegment = word ? segmentOf(word.head) : home;
  const future = word ? isFutureAt(article, word.head, wordSegment[0]) : hasFutureWord(article, home);
  if (!word) return { occurrence: 'this', phase: 'whole', future, anchor };
  let occurrence = occurrenceOf(article, word, wordSegment);
  if (future && occurrence === 'this') occurrence = 'next';
  return { word, occurrence, phase: phaseOf(article, word, expression, home, wordSegment), future, anchor };
}

/** Whether a word names this occurrence of its event or another ("his last visit", "that trip"). */
export function isContentVerb(article: Article, t: number): boolean {
  const token = article.tokens[t];
  return token.pos === 'VERB' && !LIGHT_VERBS.has(token.lemma);
}

/** A clause with a verb of its own, not one of the lexicon's: the date belongs to that verb. */
function hasOwnVerb(article: Article, [from, to]: Segment): boolean {
  for (let t = from; t < to; t++) if (isContentVerb(article, t)) return true;
  return false;
}

function hasAnyVerb(article: Article, [from, to]: Segment): boolean {
  for (let t = from; t < to; t++) if (article.tokens[t].pos === 'VERB') return true;
  return false;
}

/** "inked the alliance to replace the agreements made in 1961": "replace" stands between, so 1961 is not the signing's. */
function verbBetween(article: Article, word: EventWord, expression: TemporalExpression): boolean {
  const [from, to] = word.head >= expression.tokenEnd ? [expression.tokenEnd, word.head] : [word.end, expression.tokenStart];
  for (let t = from; t < to; t++) if (isContentVerb(article, t) && !WORDS.has(article.tokens[t].lemma) && !isImpact(article, word, t)) return true;
  return false;
}

/** "The quake hit Sarnow on Saturday": the verb is what the quake did, not another event. */
function isImpact(article: Article, word: EventWord, t: number): boolean {
  return word.sense.family.placeCentric === true && !word.verb && IMPACT_VERBS.has(article.tokens[t].lemma);
}

/** Whether a word names this occurrence of its event or another ("his last visit", "that trip"). */
export function occurrenceOf(article: Article, word: EventWord, segment: Segment): Occurrence {
  const { tokens } = article;
  for (let t = segment[0]; t < segment[1]; t++) if (tokens[t].normal === 'again') return 'other';
  for (let t = word.head - 1; t >= Math.max(segment[0], word.head - MAX_QUALIFIER_DISTANCE); t--) {
    const normal = tokens[t].normal;
    if (PREVIOUS_WORDS.has(normal)) return 'previous';
    if (NEXT_WORDS.has(normal)) return 'next';
    if (OTHER_WORDS.has(normal)) return 'other';
    if (tokens[t].pos === 'VERB' || tokens[t].pos === 'PUNCT') break;
  }
  return 'this';
}

function phaseOf(article: Article, word: EventWord, expression: TemporalExpression, home: Segment, wordSegment: Segment): Phase {
  if (word.sense.phase !== 'whole') return word.sense.phase;
  if (expression.since) return 'start';
  for (const [from, to] of home === wordSegment ? [home] : [home, wordSegment]) {
    for (let t = from; t < to; t++) {
      const lemma = article.tokens[t].lemma;
      if (START_WORDS.has(lemma)) return 'start';
      if (END_WORDS.has(lemma)) return 'end';
    }
  }
  return 'whole';
}

/** A clause without an event word is future if any of it is ("more rain will fall on Sunday"). */
function hasFutureWord(article: Article, [from, to]: Segment): boolean {
  for (let t = from; t < to; t++) if (marksFuture(article, t)) return true;
  return false;
}

/** An event word is future when its own auxiliaries say so: "will sign", "is due to meet", "could happen". */
function isFutureAt(article: Article, head: number, floor: number): boolean {
  for (let t = head - 1; t >= Math.max(floor, head - MAX_AUXILIARY_DISTANCE); t--) {
    if (marksFuture(article, t)) return true;
    const token = article.tokens[t];
    if (token.pos === 'PUNCT' || isContentVerb(article, t)) break;
  }
  return false;
}

function marksFuture(article: Article, t: number): boolean {
  const token = article.tokens[t];
  const next = article.tokens[t + 1];
  if (FUTURE_WORDS.has(token.normal)) return true;
  if (MODALS.has(token.normal)) return next?.normal !== 'have';
  return FUTURE_BEFORE_TO.has(token.normal) && next?.normal === 'to';
}

function hasWordBefore(article: Article, t: number, floor: number, distance: number, test: (normal: string) => boolean): boolean {
  for (let i = t - 1; i >= Math.max(floor, t - distance); i--) if (test(article.tokens[i].normal)) return true;
  return false;
}

/**
 * Who and where of an event word: the names of its clause up to the next verb either side, a name after
 * "in", "to" or "at" (or right after "visited") being the place. Nationality adjectives and titles are
 * not names. For a signing, also what was signed: the words before "agreement" ("customs", "fisheries").
 */
export function participants(article: Article, vocabulary: NameVocabulary, sentenceIndex: number, word: EventWord, segments: Segment[], exclude: (t: number) => boolean, protagonist: () => Name | undefined): Pick<EventRef, 'actors' | 'places' | 'things'> {
  const { tokens } = article;
  const [from, to] = segments.find(([a, b]) => a <= word.head && word.head < b) ?? [word.head, word.end];
  const isBoundary = (t: number): boolean => tokens[t].pos === 'VERB' && !LIGHT_VERBS.has(tokens[t].lemma);
  let start = word.head;
  while (start > from && !isBoundary(start - 1)) start--;
  let end = word.end;
  let impact = -1;
  for (; end < to && !(WORDS.has(tokens[end].lemma) && end !== word.head && !isImpact(article, word, end)); end++) {
    if (!isBoundary(end)) continue;
    if (impact >= 0 || !isImpact(article, word, end)) break;
    impact = end;
  }
  const actors: Name[] = [];
  const places: Name[] = [];
  const visited = word.sense.family.name === 'visit';
  for (const run of vocabulary.runs(sentenceIndex, start, end, (t) => exclude(t) || (t >= word.head && t < word.end))) {
    const place = run.place || (visited && run.tokenStart === word.end) || (impact >= 0 && run.tokenStart > impact);
    (place ? places : actors).push({ text: run.text, words: run.words });
  }
  if (actors.length === 0) {
    // "Rask, who arrived on Tuesday": the name the relative clause hangs on.
    const index = segments.findIndex(([a]) => a === from);
    if (RELATIVE_PRONOUNS.has(tokens[from].normal) && index > 0) {
      const [before, after] = segments[index - 1];
      const antecedent = vocabulary.runs(sentenceIndex, before, after, exclude).pop();
      if (antecedent && antecedent.tokenEnd === after && !antecedent.place) actors.push({ text: antecedent.text, words: antecedent.words });
    }
  }
  if (actors.length === 0) {
    // "her trip", "she arrived": the person the article is about.
    let pronoun = false;
    for (let t = start; t < end && !pronoun; t++) pronoun = PERSONAL_PRONOUNS.has(tokens[t].normal);
    const person = pronoun ? protagonist() : undefined;
    if (person) actors.push(person);
  }
  const things: Name[] = [];
  if (word.sense.family.name === 'signing') {
    for (let t = start; t < end; t++) {
      if (!AGREEMENT_NOUNS.has(tokens[t].lemma)) continue;
      const words: string[] = [];
      for (let m = t - 1; m >= start && words.length < MAX_MODIFIERS && /^[a-z]/.test(tokens[m].value) && (tokens[m].pos === 'NOUN' || tokens[m].pos === 'ADJ'); m--) {
        if (!GENERIC_MODIFIERS.has(tokens[m].normal)) words.unshift(tokens[m].normal);
      }
      if (words.length > 0) things.push({ text: article.text.slice(tokens[t - words.length].start, tokens[t].end), words });
    }
  }
  return { actors, places, things };
}

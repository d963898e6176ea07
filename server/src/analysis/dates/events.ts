import { perArticle, type Article, type Sentence } from '../article';
import type { Clauses, Segment } from './clauses';
import type { Span } from '../types';
import { AGREEMENT_NOUNS, END_PAIRS, END_WORDS, IMPACT_VERBS, GENERIC_MODIFIERS, NEXT_WORDS, OTHER_WORDS, PHRASES, PREVIOUS_WORDS, START_PAIRS, START_WORDS, TOPIC_PREPOSITIONS, TOPIC_PREPOSITIONS_BEFORE_DETERMINER, WORDS, type Family, type Phase, type Sense } from './lexicon';
import type { Name, NameVocabulary } from './names';
import type { Ahead } from './resolve';
import type { TemporalExpression } from './temporal';
import { firstIndexNotBefore } from '../search';
import { hasWordBefore, isAnyVerb, isContentVerb, isDeadline, isFutureAt, isFutureUnattached, isFutureVerbBefore, lastBeforeInOwnClause } from './tense';

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
  /**
   * Why the date lies ahead of the dateline, if it does: a future verb, or a bound ("until Wednesday", "by
   * the end of October") in a clause not told in the past.
   */
  ahead: Ahead;
  /** For "24 years after his last visit": the event the duration counts from. */
  anchor?: { word: EventWord; occurrence: Occurrence };
}

const MAX_QUALIFIER_DISTANCE = 3;
const MAX_ANCHOR_DISTANCE = 6;
const MAX_FIRST_SINCE_DISTANCE = 8;
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'whose']);
/** Before a verb these open a relative clause rather than point at another occurrence. */
const RELATIVE_THAT = new Set(['that', 'those']);
const PERSONAL_PRONOUNS = new Set(['he', 'she', 'his', 'her', 'him']);
const MAX_MODIFIERS = 3;
/**
 * How far from its word, in tokens, an event's participants are looked for. Sentences of news run to
 * about a hundred tokens, so this reaches across any clause of prose; without it, each event word of a
 * clause of tens of thousands of tokens (no prose has one) would collect every name of the clause.
 */
const MAX_PARTICIPANT_REACH = 200;

const PHRASES_BY_FIRST = new Map<string, Array<(typeof PHRASES)[number]>>();
for (const phrase of PHRASES) PHRASES_BY_FIRST.set(phrase.words[0], [...(PHRASES_BY_FIRST.get(phrase.words[0]) ?? []), phrase]);

/**
 * Per string of the article's tokens, whether it is a word or the first word of a phrase of the lexicon:
 * looked up once per distinct string rather than twice per token at every keystroke.
 */
const inLexicon = perArticle((article: Article): Uint8Array => Uint8Array.from(article.tokens.strings, (s) => (PHRASES_BY_FIRST.has(s) || WORDS.has(s) ? 1 : 0)));

/** Every event word of the lexicon in a sentence. */
export function findEventWords(article: Article, sentence: Sentence): EventWord[] {
  const { tokens } = article;
  const lexical = inLexicon(article);
  const found: EventWord[] = [];
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
    if (lexical[tokens.lemmaId(t)] === 0 && lexical[tokens.normalId(t)] === 0) continue;
    const phrase = (PHRASES_BY_FIRST.get(tokens.lemma(t)) ?? PHRASES_BY_FIRST.get(tokens.normal(t)))?.find(({ words }) => words.every((word, i) => t + i < sentence.tokenEnd && (word === '*' || tokens.lemma(t + i) === word || tokens.normal(t + i) === word)));
    if (phrase) {
      found.push({ head: t, end: t + phrase.words.length, sense: phrase.sense, verb: true, infinitive: isInfinitive(article, t) });
      t += phrase.words.length - 1;
      continue;
    }
    const sense = WORDS.get(tokens.lemma(t)) ?? WORDS.get(tokens.normal(t));
    if (!sense) continue;
    const verb = tokens.pos(t) === 'VERB';
    if (sense.as === 'verb' && !verb) continue;
    if (sense.as === 'noun' && verb) continue;
    if (tokens.pos(t) === 'NOUN' && isModifierOrTopic(article, sentence, t)) continue;
    found.push({ head: t, end: t + 1, sense, verb, infinitive: verb && isInfinitive(article, t) });
  }
  return found;
}

/**
 * A noun that qualifies another ("a fire safety inspection", "fire crews") or is what something else is
 * about ("a meeting about the fire on Thursday", "an inquiry into the theft"): a date near it dates
 * that other thing.
 */
function isModifierOrTopic(article: Article, sentence: Sentence, t: number): boolean {
  const { tokens } = article;
  if (t + 1 < sentence.tokenEnd && tokens.pos(t + 1) === 'NOUN') return true;
  for (let b = t - 1; b >= Math.max(sentence.tokenStart, t - 3); b--) {
    if (TOPIC_PREPOSITIONS.has(tokens.normal(b))) return true;
    if (TOPIC_PREPOSITIONS_BEFORE_DETERMINER.has(tokens.normal(b)) && b + 1 < t && tokens.pos(b + 1) === 'DET') return true;
    const pos = tokens.pos(b);
    if (pos !== 'DET' && pos !== 'PRON' && pos !== 'ADJ') break;
  }
  return false;
}

function isInfinitive(article: Article, t: number): boolean {
  return t > 0 && article.tokens.normal(t - 1) === 'to';
}

/**
 * Ties a temporal expression to the event it dates: an event word of its own clause (a verb before a
 * noun, the nearer first), or, when its clause has no verb of its own ("On Wednesday, …", ", which took
 * place in April"), the nearest event word of the clauses beside it.
 */
export function attach(article: Article, expression: TemporalExpression, words: EventWord[], clauses: Clauses): Attachment {
  const index = clauses.indexOf(expression.tokenStart);
  const home = clauses.of(expression.tokenStart);
  const firstAfter = firstWordFrom(words, expression.tokenEnd);

  let anchor: Attachment['anchor'];
  if (expression.shape.kind === 'anchored') {
    const word = words[firstAfter];
    if (word && word.head < home[1] && word.head - expression.tokenEnd <= MAX_ANCHOR_DISTANCE) anchor = { word, occurrence: occurrenceOf(article, clauses, word, home) };
  }

  // "his first visit to the country since 2000": the year dates the visit before this one.
  if (expression.since) {
    let visit: EventWord | undefined;
    for (let i = firstWordFrom(words, expression.tokenStart) - 1; i >= 0 && !visit; i--) {
      const w = words[i];
      if (w.head < home[0] || expression.tokenStart - w.end > MAX_FIRST_SINCE_DISTANCE) break;
      if (!w.verb) visit = w;
    }
    const first = (n: string): boolean => n === 'first';
    if (visit && (hasWordBefore(article, visit.head, home[0], MAX_QUALIFIER_DISTANCE, first) || hasWordBefore(article, expression.tokenStart, visit.end, MAX_FIRST_SINCE_DISTANCE, first))) {
      return { word: visit, occurrence: 'previous', phase: 'whole', ahead: undefined };
    }
  }

  const nearest = new NearestWord(clauses, expression, words, anchor?.word);
  // The nearest word wins; a verb, or a word before the date, is the likelier one at equal distance.
  const range = (segment: Segment | undefined): [number, number] => (segment ? [firstWordFrom(words, segment[0]), firstWordFrom(words, segment[1])] : [0, 0]);
  // "production would restart next month in the plant the fire did not reach": a date after a verb of
  // its own clause dates that verb, not an event named further on.
  const ownVerb = lastBeforeInOwnClause(clauses, isContentVerb, expression, home);
  const claimedByVerb = ownVerb !== undefined && isOtherEventVerb(article, ownVerb);
  const [homeFrom, homeTo] = range(home);
  let word = nearest.find([[homeFrom, claimedByVerb ? Math.min(homeTo, firstWordFrom(words, expression.tokenEnd)) : homeTo]], (w, distance) => distance + (w.infinitive ? 20 : w.verb ? 0 : 2) + (w.head >= expression.tokenEnd ? 3 : 0));
  if (!word && !clauses.marks(isContentVerb).any(home[0], home[1])) {
    // A clause without a verb of its own: the antecedent of "…, which took place in April", or the
    // clause an opening "On Wednesday, …" leads into, past any other verbless clause between them.
    const before = index > 0 ? clauses.segments[index - 1] : undefined;
    const after = nextSegmentWithVerb(clauses, index);
    word = nearest.find([range(before), range(after)], (w, distance) => distance + (w.infinitive ? 20 : 0));
  }

  const wordSegment = word ? clauses.of(word.head) : home;
  // A noun takes the tense of the verb the date follows: "will press the company at a meeting on 2 December".
  const future = word ? isFutureAt(article, word.head, wordSegment[0]) || (!word.verb && isFutureVerbBefore(article, clauses, expression, home)) : isFutureUnattached(article, clauses, expression, home);
  const ahead: Ahead = future ? 'future' : isDeadline(article, clauses, expression, home) ? 'deadline' : undefined;
  if (!word) return { occurrence: 'this', phase: 'whole', ahead, anchor };
  let occurrence = occurrenceOf(article, clauses, word, wordSegment);
  if (future && occurrence === 'this') occurrence = 'next';
  return { word, occurrence, phase: phaseOf(article, clauses, word, expression, home, wordSegment), ahead, anchor };
}

/** Index of the first of `words` (in text order) whose head is not before token `t`. */
function firstWordFrom(words: EventWord[], t: number): number {
  return firstIndexNotBefore(0, words.length, (i) => words[i].head < t);
}

/** The first segment after segment `index` (-1: before the first) with any verb in it. */
function nextSegmentWithVerb(clauses: Clauses, index: number): Segment | undefined {
  const verbs = clauses.marks(isAnyVerb);
  const end = clauses.sentence.tokenEnd;
  for (let t = verbs.first(index + 1 < clauses.segments.length ? clauses.segments[index + 1][0] : end, end); t !== undefined; t = verbs.first(t + 1, end)) {
    const holder = clauses.indexOf(t);
    if (holder >= 0) return clauses.segments[holder];
  }
  return undefined;
}

/**
 * The event word a date most likely belongs to among some of a sentence's: the one of lowest rank, the
 * earlier at equal rank. A rank is at least the word's distance from the date, and a verb between a word
 * and the date rules out every word beyond it, so the words either side are read outwards from the date
 * only as far as one could still win.
 */
class NearestWord {
  constructor(
    private readonly clauses: Clauses,
    private readonly expression: TemporalExpression,
    private readonly words: EventWord[],
    private readonly excluded: EventWord | undefined,
  ) {}

  /** Among the words of some index ranges [from, to) of `words`. */
  find(ranges: Array<[number, number]>, rank: (word: EventWord, distance: number) => number): EventWord | undefined {
    const { expression, words } = this;
    let best: { word: EventWord; rank: number } | undefined;
    // False once no word further out on this side can win.
    const consider = (word: EventWord, distance: number, from: number, to: number): boolean => {
      if (best && distance > best.rank) return false;
      if (this.inside(word)) return true;
      const between = this.verbBetween(word, from, to);
      if (between === 'any') return false;
      if (between === 'word' || word === this.excluded) return true;
      const r = rank(word, distance);
      if (!best || r < best.rank || (r === best.rank && word.head < best.word.head)) best = { word, rank: r };
      return true;
    };
    const split = firstWordFrom(words, expression.tokenStart);
    for (const [from, to] of ranges) {
      for (let i = Math.min(to, split) - 1; i >= from; i--) {
        if (!consider(words[i], expression.tokenStart - words[i].end, words[i].end, expression.tokenStart)) break;
      }
      for (let i = Math.max(from, split); i < to; i++) {
        if (!consider(words[i], words[i].head - expression.tokenEnd, expression.tokenEnd, words[i].head)) break;
      }
    }
    return best?.word;
  }

  private inside(word: EventWord): boolean {
    return word.head < this.expression.tokenEnd && this.expression.tokenStart < word.end;
  }

  /**
   * "inked the alliance to replace the agreements made in 1961": "replace" stands between, so 1961 is not
   * the signing's ('any': nor any word's further out). "The quake hit Sarnow on Saturday": a verb of impact
   * is what the quake did, not another event ('word': it rules out other words than such a noun).
   */
  private verbBetween(word: EventWord, from: number, to: number): 'none' | 'word' | 'any' {
    if (this.clauses.marks(isOtherEventVerb).any(from, to)) return 'any';
    if (!this.clauses.marks(isImpactVerb).any(from, to)) return 'none';
    return word.sense.family.placeCentric === true && !word.verb ? 'none' : 'word';
  }
}

/** The lemma of a content verb that the event lexicon does not know. */
function unknownVerbLemma(article: Article, t: number): string | undefined {
  const lemma = article.tokens.lemma(t);
  return isContentVerb(article, t) && !WORDS.has(lemma) ? lemma : undefined;
}

/**
 * A verb of an event the lexicon does not know, and that is neither what a quake or a storm does to a
 * place nor the start or end of an event ("the fire broke out on Saturday").
 */
function isOtherEventVerb(article: Article, t: number): boolean {
  const lemma = unknownVerbLemma(article, t);
  return lemma !== undefined && !IMPACT_VERBS.has(lemma) && phaseMarkedAt(article, t) === undefined;
}

function isImpactVerb(article: Article, t: number): boolean {
  const lemma = unknownVerbLemma(article, t);
  return lemma !== undefined && IMPACT_VERBS.has(lemma);
}

/** "The quake hit Sarnow on Saturday": the verb is what the quake did, not another event. */
function isImpact(article: Article, word: EventWord, t: number): boolean {
  return word.sense.family.placeCentric === true && !word.verb && IMPACT_VERBS.has(article.tokens.lemma(t));
}

function isAgain(article: Article, t: number): boolean {
  return article.tokens.normal(t) === 'again';
}

/** Whether a word names this occurrence of its event or another ("his last visit", "that trip"). */
export function occurrenceOf(article: Article, clauses: Clauses, word: EventWord, segment: Segment): Occurrence {
  const { tokens } = article;
  if (clauses.marks(isAgain).any(segment[0], segment[1])) return 'other';
  for (let t = word.head - 1; t >= Math.max(segment[0], word.head - MAX_QUALIFIER_DISTANCE); t--) {
    const normal = tokens.normal(t);
    if (PREVIOUS_WORDS.has(normal)) return 'previous';
    if (NEXT_WORDS.has(normal)) return 'next';
    // "that visit" is another one; "the train that derailed" is this one.
    if (OTHER_WORDS.has(normal) && !(word.verb && RELATIVE_THAT.has(normal))) return 'other';
    if (tokens.pos(t) === 'VERB' || tokens.pos(t) === 'PUNCT') break;
  }
  return 'this';
}

/** Which end of an event the word at `t` marks ("began", "broke out", "ended"), if it marks one. */
function phaseMarkedAt(article: Article, t: number): Phase | undefined {
  const lemma = article.tokens.lemma(t);
  const next = t + 1 < article.tokens.length ? article.tokens.lemma(t + 1) : undefined;
  const paired = (pairs: ReadonlyArray<readonly [string, string]>): boolean => pairs.some(([first, second]) => first === lemma && second === next);
  if (START_WORDS.has(lemma) || paired(START_PAIRS)) return 'start';
  if (END_WORDS.has(lemma) || paired(END_PAIRS)) return 'end';
  return undefined;
}

function isPhaseWord(article: Article, t: number): boolean {
  return phaseMarkedAt(article, t) !== undefined;
}

/**
 * The phase a date marks: the word's own, else what the nearest phase word before the date says, else
 * the first after it ("the strike began on Monday and ended on Friday": Friday is its end).
 */
function phaseOf(article: Article, clauses: Clauses, word: EventWord, expression: TemporalExpression, home: Segment, wordSegment: Segment): Phase {
  if (word.sense.phase !== 'whole') return word.sense.phase;
  if (expression.since) return 'start';
  const marks = clauses.marks(isPhaseWord);
  for (const [from, to] of home === wordSegment ? [home] : [home, wordSegment]) {
    const t = marks.last(from, Math.min(to, expression.tokenStart)) ?? marks.first(Math.max(from, expression.tokenEnd), to);
    if (t !== undefined) return phaseMarkedAt(article, t)!;
  }
  return 'whole';
}

/**
 * Who and where of an event word: the names of its clause up to the next verb either side, a name after
 * "in", "to" or "at" (or right after "visited") being the place. Nationality adjectives and titles are
 * not names. For a signing, also what was signed: the words before "agreement" ("customs", "fisheries").
 */
export function participants(article: Article, vocabulary: NameVocabulary, sentenceIndex: number, word: EventWord, clauses: Clauses, exclude: (t: number) => boolean, protagonist: () => Name | undefined): Pick<EventRef, 'actors' | 'places' | 'things'> {
  const { tokens } = article;
  const index = clauses.indexOf(word.head);
  const [from, to] = index < 0 ? [word.head, word.end] : clauses.segments[index];
  const floor = Math.max(from, word.head - MAX_PARTICIPANT_REACH);
  const boundary = clauses.marks(isContentVerb).last(floor, word.head);
  const start = boundary === undefined ? floor : boundary + 1;
  const ceiling = Math.min(to, word.end + MAX_PARTICIPANT_REACH);
  let end = word.end;
  let impact = -1;
  for (; end < ceiling && !(WORDS.has(tokens.lemma(end)) && end !== word.head && !isImpact(article, word, end)); end++) {
    if (!isContentVerb(article, end)) continue;
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
    if (RELATIVE_PRONOUNS.has(tokens.normal(from)) && index > 0) {
      const [before, after] = clauses.segments[index - 1];
      const antecedent = vocabulary.runs(sentenceIndex, Math.max(before, after - MAX_PARTICIPANT_REACH), after, exclude).pop();
      if (antecedent && antecedent.tokenEnd === after && !antecedent.place) actors.push({ text: antecedent.text, words: antecedent.words });
    }
  }
  if (actors.length === 0) {
    // "her trip", "she arrived": the person the article is about.
    let pronoun = false;
    for (let t = start; t < end && !pronoun; t++) pronoun = PERSONAL_PRONOUNS.has(tokens.normal(t));
    const person = pronoun ? protagonist() : undefined;
    if (person) actors.push(person);
  }
  const things: Name[] = [];
  if (word.sense.family.name === 'signing') {
    for (let t = start; t < end; t++) {
      if (!AGREEMENT_NOUNS.has(tokens.lemma(t))) continue;
      const words: string[] = [];
      for (let m = t - 1; m >= start && words.length < MAX_MODIFIERS && /^[a-z]/.test(tokens.value(m)) && (tokens.pos(m) === 'NOUN' || tokens.pos(m) === 'ADJ'); m--) {
        if (!GENERIC_MODIFIERS.has(tokens.normal(m))) words.unshift(tokens.normal(m));
      }
      if (words.length > 0) things.push({ text: article.text.slice(tokens.start(t - words.length), tokens.end(t)), words });
    }
  }
  return { actors, places, things };
}

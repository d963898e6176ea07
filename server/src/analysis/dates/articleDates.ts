import { perArticle, type Article } from '../article';
import { appendTo } from '../maps';
import { overlaps } from '../spans';
import type { Span } from '../types';
import { formatValue, fromDayNumber, gapBetween, type DateValue } from './calendar';
import { findDateline, type Dateline } from './dateline';
import { Clauses } from './clauses';
import { attach, findEventWords, occurrenceOf, participants, type EventRef, type EventWord, type Occurrence } from './events';
import { NameVocabulary, anySameName, sameName, type Name } from './names';
import { resolve, shifted } from './resolve';
import { findExpressions, type TemporalExpression } from './temporal';

/** A date the article gives, resolved where it can be, and the event it dates. */
export interface DateMention {
  span: Span;
  text: string;
  value?: DateValue;
  /** How the value was reached (or why there is none), for the hover. */
  explanation: string;
  usedDateline: boolean;
  event?: EventRef;
  /** Whether the mention takes part in conflicts: resolved, tied to a compared event, not planned. */
  comparable: boolean;
  /**
   * 'text' for a date written in the article; 'headline' for the event a present-tense headline
   * reports ("Putin arrives in Pyongyang"), which the dateline dates to within a few days.
   */
  source: 'text' | 'headline';
}

export interface ArticleDates {
  dateline?: Dateline;
  mentions: DateMention[];
}

/** Chrono needs some reference; without a dateline every relative result is discarded anyway. */
const PLACEHOLDER_REFERENCE = new Date(2000, 0, 1, 12);
const HEADLINE_PARAGRAPHS = 3;
const HEADLINE_LENGTH = 160;
/** A present-tense headline reports what happened on the dateline's day or in the days just before it. */
const HEADLINE_DAYS_BEFORE = 3;
const HEADLINE_DAYS_AFTER = 1;

interface Pending {
  mention: DateMention;
  expression: TemporalExpression;
  anchor: EventRef;
}

export const analyseDates = perArticle((article: Article): ArticleDates => {
  const dateline = findDateline(article);
  const vocabulary = new NameVocabulary(article);
  const reference = dateline ? localNoon(dateline.day) : PLACEHOLDER_REFERENCE;
  const mentions: DateMention[] = [];
  const pending: Pending[] = [];
  // Computed only if some clause needs them: most never do.
  const runs = lazy(() => article.sentences.flatMap((sentence, i) => vocabulary.runs(i, sentence.tokenStart, sentence.tokenEnd, () => false)));
  // Whom "she" and "his" most likely mean: the name the article gives most often, places aside.
  const protagonist = lazy(() => mostNamed(runs().filter((run) => !run.place)));
  // Where a quake or a flood happened when the sentence does not say: the story's main place.
  const mainPlace = lazy(() => mostNamed(runs().filter((run) => run.place)) ?? (dateline?.place ? { text: dateline.place, words: dateline.place.toLowerCase().split(/[\s-]+/) } : undefined));
  const topics = new Topics(mainPlace);
  const naming = new Set<DateMention>();

  article.sentences.forEach((sentence, sentenceIndex) => {
    const words = findEventWords(article, sentence);
    const clauses = new Clauses(article, sentence);
    const expressions = findExpressions(article, sentence, reference).filter((e) => !dateline || !overlaps(e.span, dateline.span));
    const expressionTokens = new Set<number>();
    for (const e of expressions) for (let t = e.tokenStart; t < e.tokenEnd; t++) expressionTokens.add(t);
    const inExpression = (t: number): boolean => expressionTokens.has(t);
    const describe = (word: EventWord, occurrence: Occurrence, phase: EventRef['phase']): EventRef => {
      const { tokens } = article;
      const span = { start: tokens.start(word.head), end: tokens.end(word.end - 1) };
      return { family: word.sense.family, label: word.sense.label, phase, occurrence, span, ...participants(article, vocabulary, sentenceIndex, word, clauses, inExpression, protagonist), inferred: false };
    };
    for (const word of words) {
      const occurrence = occurrenceOf(article, clauses, word, clauses.of(word.head));
      if (occurrence === 'this') topics.count(describe(word, occurrence, word.sense.phase));
    }
    for (const expression of expressions) {
      const attachment = attach(article, expression, words, clauses);
      const resolution = resolve(expression, dateline, attachment.ahead);
      const event = attachment.word ? describe(attachment.word, attachment.occurrence, attachment.phase) : undefined;
      const mention: DateMention = { span: expression.span, text: expression.text, ...resolution, event, comparable: false, source: 'text' };
      if (expression.attributive) {
        mention.explanation += '; it names a thing rather than dating an event';
        naming.add(mention);
      }
      mentions.push(mention);
      if (attachment.anchor && event) pending.push({ mention, expression, anchor: describe(attachment.anchor.word, attachment.anchor.occurrence, 'whole') });
    }
  });

  for (const mention of mentions) if (mention.event) topics.fill(mention.event);
  for (const { anchor } of pending) topics.fill(anchor);
  for (const item of pending) resolveAnchored(item, mentions);
  for (const mention of mentions) mention.comparable = !naming.has(mention) && isComparable(mention);
  const headline = dateline ? headlineMention(article, vocabulary, dateline, topics) : undefined;
  if (headline) mentions.push(headline);
  return { dateline, mentions };
});

function isComparable(mention: DateMention): boolean {
  const event = mention.event;
  return mention.value !== undefined && event !== undefined && event.family.compared && (event.occurrence === 'this' || event.occurrence === 'previous');
}

function localNoon(day: number): Date {
  const d = fromDayNumber(day);
  return new Date(d.year, d.month - 1, d.day, 12);
}

/**
 * Who an event is about when its own clause does not say ("The visit, which took place in April"): the
 * name the article most often gives that kind of event, the way a reader would take it.
 */
class Topics {
  private readonly actors = new Map<string, Name[]>();
  private readonly places = new Map<string, Name[]>();
  private readonly things = new Map<string, Name[]>();

  constructor(private readonly mainPlace: () => Name | undefined) {}

  count(event: EventRef): void {
    appendTo(this.actors, event.family.name, ...event.actors);
    appendTo(this.places, event.family.name, ...event.places);
    appendTo(this.things, event.family.name, ...event.things);
  }

  fill(event: EventRef): void {
    if (event.things.length === 0) {
      const thing = mostNamed(this.things.get(event.family.name));
      if (thing) event.things = [thing];
    }
    if (event.actors.length === 0) {
      const actor = mostNamed(this.actors.get(event.family.name));
      if (actor) {
        event.actors = [actor];
        event.inferred = true;
      }
    }
    if (event.places.length === 0) {
      const place = mostNamed(this.places.get(event.family.name)) ?? (event.family.placeCentric ? this.mainPlace() : undefined);
      if (place) {
        event.places = [place];
        event.inferred = true;
      }
    }
  }
}

function lazy<T>(compute: () => T): () => T {
  let value: { of: T } | undefined;
  return () => (value ??= { of: compute() }).of;
}

/** The name mentioned most, counting "Putin" and "Vladimir Putin" as one; the fuller form stands for them. */
function mostNamed(names: Name[] | undefined): Name | undefined {
  const distinct = new Map<string, { name: Name; count: number }>();
  for (const name of names ?? []) {
    const key = name.words.join(' ');
    const entry = distinct.get(key);
    if (entry) entry.count++;
    else distinct.set(key, { name, count: 1 });
  }
  // Two names that are the same share a word, or one has none: each is compared only with those.
  const wordless = [...distinct.values()].filter((entry) => entry.name.words.length === 0);
  const byWord = new Map<string, Array<{ name: Name; count: number }>>();
  for (const entry of distinct.values()) for (const word of new Set(entry.name.words)) appendTo(byWord, word, entry);
  let best: { name: Name; score: number } | undefined;
  for (const { name } of distinct.values()) {
    let score = 0;
    const sharing = name.words.length === 0 ? distinct.values() : new Set([...wordless, ...name.words.flatMap((word) => byWord.get(word) ?? [])]);
    for (const other of sharing) if (sameName(name, other.name)) score += other.count;
    if (!best || score > best.score || (score === best.score && name.words.length > best.name.words.length)) best = { name, score };
  }
  return best?.name;
}

/**
 * "24 years after his previous visit": dated when the article dates that previous visit, and only when
 * all its dates for it agree.
 */
function resolveAnchored({ mention, expression, anchor }: Pending, mentions: DateMention[]): void {
  const shape = expression.shape;
  if (shape.kind !== 'anchored') return;
  const dated = mentions.filter((m) => m !== mention && m.value && m.event && isSameAnchor(m.event, anchor));
  if (dated.length === 0) {
    mention.explanation = `'${expression.text}' counts from the ${occurrenceWord(anchor.occurrence)}${anchor.label}, which the article does not date`;
    return;
  }
  const values = dated.map((m) => m.value!);
  if (values.some((v) => gapBetween(v, values[0]) > 0)) return;
  const source = dated.reduce((a, b) => (a.value!.end - a.value!.start <= b.value!.end - b.value!.start ? a : b));
  mention.value = shifted(source.value!, shape.amount * shape.direction, shape.unit);
  mention.explanation = `'${expression.text}' → ${formatValue(mention.value)}: ${shape.amount} ${shape.unit}${shape.amount === 1 ? '' : 's'} ${shape.direction > 0 ? 'after' : 'before'} the ${occurrenceWord(anchor.occurrence)}${anchor.label}, which '${source.text}' dates to ${formatValue(source.value!)}`;
  mention.usedDateline = source.usedDateline;
}

function isSameAnchor(event: EventRef, anchor: EventRef): boolean {
  if (event.family.name !== anchor.family.name || event.occurrence !== anchor.occurrence) return false;
  const actors = event.actors.length === 0 || anchor.actors.length === 0 || anySameName(event.actors, anchor.actors);
  const places = event.places.length === 0 || anchor.places.length === 0 || anySameName(event.places, anchor.places);
  return actors && places;
}

function occurrenceWord(occurrence: Occurrence): string {
  return occurrence === 'previous' ? 'previous ' : occurrence === 'next' ? 'next ' : '';
}

/**
 * The event a headline reports in the present tense ("Putin arrives in Pyongyang"), dated to the days
 * around the dateline. It is never flagged itself; it lets a story that dates its own news months
 * away from its dateline be caught.
 */
function headlineMention(article: Article, vocabulary: NameVocabulary, dateline: Dateline, topics: Topics): DateMention | undefined {
  for (const paragraph of article.paragraphs.slice(0, HEADLINE_PARAGRAPHS)) {
    if (overlaps(paragraph, dateline.span) || paragraph.end - paragraph.start > HEADLINE_LENGTH) continue;
    if (paragraph.sentenceEnd - paragraph.sentenceStart !== 1) return undefined;
    const sentenceIndex = paragraph.sentenceStart;
    const sentence = article.sentences[sentenceIndex];
    const clauses = new Clauses(article, sentence);
    const word = findEventWords(article, sentence).find((w) => !w.infinitive && isPresentTense(article, w.head) && (w.verb || (w.head > sentence.tokenStart && vocabulary.isNameWord(sentenceIndex, w.head - 1))));
    if (!word) return undefined;
    const { tokens } = article;
    const span = { start: tokens.start(word.head), end: tokens.end(word.end - 1) };
    const event: EventRef = { family: word.sense.family, label: word.sense.label, phase: word.sense.phase, occurrence: 'this', span, ...participants(article, vocabulary, sentenceIndex, word, clauses, () => false, () => undefined), inferred: false };
    topics.fill(event);
    const value: DateValue = { start: dateline.day - HEADLINE_DAYS_BEFORE, end: dateline.day + HEADLINE_DAYS_AFTER, granularity: 'day' };
    const headline = article.text.slice(paragraph.start, paragraph.end);
    return {
      span: { start: paragraph.start, end: paragraph.end },
      text: headline,
      value,
      explanation: `the headline reports the ${event.label} in the present tense, so it happened around the dateline '${dateline.text}'`,
      usedDateline: true,
      event,
      comparable: event.family.compared,
      source: 'headline',
    };
  }
  return undefined;
}

/** "arrives", "signs": a third-person present verb, the tense of news headlines. */
function isPresentTense(article: Article, t: number): boolean {
  // Headlines confuse the tagger ("Rask visits Velmora" comes out as a noun), so the form decides.
  const normal = article.tokens.normal(t);
  return normal !== article.tokens.lemma(t) && /s$/.test(normal) && !/ss$/.test(normal);
}

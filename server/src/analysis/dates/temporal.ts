import * as chrono from 'chrono-node';
import { RecentMap } from '../recentMap';
import { firstIndexNotBefore } from '../search';
import type { Article, Sentence } from '../article';
import { overlapsAny } from '../spans';
import type { Span } from '../types';
import { dayNumber, dayValue, decadeValue, monthValue, yearValue, type DateValue, type Granularity } from './calendar';

export type DurationUnit = 'day' | 'week' | 'month' | 'year';

/** What a temporal expression says, before it is resolved against a dateline and a tense. */
export type ExpressionShape =
  /** States its own date: "June 19, 2024", "in 2000", "the 1940s". */
  | { kind: 'absolute'; value: DateValue }
  /** "June 19": the year comes from the dateline. */
  | { kind: 'monthDay'; month: number; day: number }
  /** "in April". */
  | { kind: 'month'; month: number }
  /** "on Wednesday", "early Wednesday morning". */
  | { kind: 'weekday'; weekday: number }
  /** "over the weekend". */
  | { kind: 'weekend' }
  /** Counted from the dateline by chrono: "yesterday", "last Friday", "last week", "three days ago". */
  | { kind: 'counted'; day: number; granularity: Granularity }
  /** "in 24 years": a span ("first visit in 24 years") unless the verb is future. */
  | { kind: 'ahead'; amount: number; unit: DurationUnit }
  /** "24 years after his last visit": dated by another event of the article. */
  | { kind: 'anchored'; amount: number; unit: DurationUnit; direction: 1 | -1 }
  /** A length of time, or an offset from something unnamed: "for three days", "30 years later". */
  | { kind: 'span' };

export interface TemporalExpression {
  span: Span;
  text: string;
  shape: ExpressionShape;
  /** Introduced by "since": dates the start of what the sentence describes. */
  since: boolean;
  /** A year used as a modifier, as in "the 1961 pact": it names a thing rather than dating an event. */
  attributive: boolean;
  /** Index of the first token of the expression and one past its last, in `article.tokens`. */
  tokenStart: number;
  tokenEnd: number;
}

const UNIT = String.raw`(years?|months?|weeks?|days?|decades?)`;
const AMOUNT = String.raw`(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few)`;
const AMOUNT_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const DURATION = new RegExp(String.raw`^(?:for|over|during|within|throughout)\b|\b(?:past|last|next|coming|previous)\s+${AMOUNT}\s+${UNIT}\b|^${AMOUNT}\s+${UNIT}$`, 'i');
const AHEAD = new RegExp(String.raw`^in\s+${AMOUNT}\s+${UNIT}$`, 'i');
const ANCHORED = new RegExp(String.raw`^(?:over\s+|more than\s+|nearly\s+|almost\s+|about\s+|exactly\s+|precisely\s+)?${AMOUNT}\s+${UNIT}\s+(after|before|since|later|earlier)$`, 'i');
/** Dates counted from the dateline in words: "last week", "this afternoon", "the end of the month". */
const RELATIVE_PHRASE = String.raw`\b(?:last|next|this|previous|coming)\s+(?:week|month|year)\b|\b(?:last|this)\s+(?:night|morning|afternoon|evening)\b|\bend\s+of\s+the\s+(?:week|month|year)\b`;
/** A result must name a calendar unit; chrono also reads "now" and "in the years to come" as dates. */
const DATE_WORD = new RegExp(String.raw`\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:today|yesterday|tomorrow|tonight|weekend)\b|${RELATIVE_PHRASE}|\bago\b`, 'i');
/** A cheap test a sentence must pass before chrono reads it: a numeric date, a month, a weekday or a relative word. */
const MAY_HOLD_DATE = /\b\d{1,2}[/.-]\d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const MAY_HOLD_RELATIVE = new RegExp(String.raw`\b(?:today|yesterday|tomorrow|tonight|weekend|ago)\b|${RELATIVE_PHRASE}|\b${AMOUNT}\s+${UNIT}\b`, 'i');
/** Words that make a result count from the dateline rather than stand alone. */
const RELATIVE_WORD = /\b(?:today|yesterday|tomorrow|tonight|last|next|this|previous|past|coming|ago|earlier|later)\b/i;
/** Words that extend a mention leftwards so it reads as written: "early on June 19", "in April". */
const LEAD_PREPOSITIONS = new Set(['on', 'in', 'since', 'until', 'by']);
const LEAD_ADVERBS = new Set(['early', 'late', 'earlier', 'later']);

/** A bare four-digit year, or a decade such as "1940s", that chrono does not report by itself. */
const YEAR = /\b(1[6-9]\d\d|20\d\d)(s)?\b/g;
/** Words after which a bare number is a year: "in 2000", "since 2000", "from 1961 until". */
const YEAR_PREPOSITIONS = new Set(['in', 'since', 'from', 'until', 'till', 'by', 'before', 'after', 'during', 'of', 'between', 'through', 'to', 'circa', 'early', 'late', 'mid', 'spring', 'summer', 'autumn', 'fall', 'winter']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that']);

/**
 * Every temporal expression of a sentence. chrono-node reads the sentence (so a result's `index` maps back
 * to exact offsets); bare years and spans it misses or misreads are handled here.
 */
export function findExpressions(article: Article, sentence: Sentence, reference: Date): TemporalExpression[] {
  const text = article.text.slice(sentence.start, sentence.end);
  const found: TemporalExpression[] = [];
  for (const result of chronoResults(text, reference)) {
    const core = text.slice(result.index, result.index + result.text.length).replace(/[\s,;.:'’]+$/, '').replace(/[’']s$/, '');
    if (!DATE_WORD.test(core)) continue;
    const start = sentence.start + result.index;
    const shape = shapeOf(core, result.start, text, result.index, reference);
    if (!shape) continue;
    found.push(expression(article, sentence, { start, end: start + core.length }, shape));
  }
  for (const year of findYears(article, sentence, found)) found.push(year);
  return found.sort((a, b) => a.span.start - b.span.start);
}

/**
 * chrono's time grows faster than the length of what it reads (a run of month names takes seconds per
 * 30,000 characters), so a sentence longer than this is read in overlapping windows of this length.
 * The sentences of news articles run to about 500 characters and are read whole.
 */
const CHRONO_WINDOW = 1000;
/** More than the longest date expression, so that every expression lies whole in some window. */
const CHRONO_OVERLAP = 200;

/** What findExpressions reads of a chrono result; `index` counts from the start of the sentence. */
interface ChronoResult {
  index: number;
  text: string;
  start: chrono.ParsedComponents;
}

function chronoResults(text: string, reference: Date): ChronoResult[] {
  const results: ChronoResult[] = [];
  for (let from = 0; from < text.length; ) {
    const to = from + CHRONO_WINDOW >= text.length ? text.length : wordBoundaryBefore(text, from + CHRONO_WINDOW, from + CHRONO_WINDOW - CHRONO_OVERLAP);
    // Each window keeps the results that start before the next window does, which reads the rest whole.
    // A result starting inside one already kept is the tail of a date cut by the window's start: dropped.
    const next = to === text.length ? text.length : wordBoundaryBefore(text, to - CHRONO_OVERLAP, from + 1);
    const reached = results.length > 0 ? results[results.length - 1].index + results[results.length - 1].text.length : 0;
    const window = text.slice(from, to);
    // A bare year is all most dated sentences hold, and findYears reads those without chrono.
    for (const result of needsChrono(window) ? parseDates(window, reference) : []) {
      const index = from + result.index;
      if (index < next && index >= reached) results.push({ index, text: result.text, start: result.start });
    }
    from = next;
  }
  return results;
}

/**
 * chrono's readings of recent sentences. A keystroke analyses the whole article again, and all but the
 * edited sentence read as before; without this, chrono would take most of a keystroke in a long article.
 */
const recentReadings = new RecentMap<string, chrono.ParsedResult[]>(4096);

function parseDates(window: string, reference: Date): chrono.ParsedResult[] {
  const key = `${reference.getTime()} ${window}`;
  let results = recentReadings.get(key);
  if (!results) recentReadings.set(key, (results = chrono.parse(maskNonDates(window), reference, { forwardDate: false })));
  return results;
}

/** The start of the word that `at` falls in or before, not before `floor`; `at` itself when there is none. */
function wordBoundaryBefore(text: string, at: number, floor: number): number {
  for (let i = at; i > floor; i--) if (/\s/.test(text[i - 1])) return i;
  return at;
}

/** Most sentences name no date chrono must read; skipping them keeps chrono, the slow part, off the hot path. */
function needsChrono(text: string): boolean {
  return MAY_HOLD_DATE.test(text) || MAY_HOLD_RELATIVE.test(text);
}

/**
 * chrono reads the verbs "may" and "march" as months whatever their case ("this week may be" becomes
 * May), and "now" as the reference date, which it merges into a date beside it ("reopen on Saturday, now
 * says" becomes the dateline's day). Those words are swapped for words of the same length that chrono does
 * not read, so offsets still map back exactly; "now" is never the date a news report gives. So is the part
 * of the day before "of": chrono reads "the night of Sunday 12 October 2025" as a time without a date.
 */
function maskNonDates(text: string): string {
  return text
    .replace(/\bmay\b/g, 'can')
    .replace(/\bmarch\b/g, 'walks')
    .replace(/\bnow\b/gi, 'nix')
    .replace(/\b(?:night|morning|afternoon|evening)(?= of\b)/gi, (part) => 'x'.repeat(part.length));
}

function shapeOf(core: string, parsed: chrono.ParsedComponents, sentenceText: string, index: number, reference: Date): ExpressionShape | undefined {
  const lower = core.toLowerCase();
  const preceding = sentenceText.slice(Math.max(0, index - 4), index).toLowerCase();
  const anchored = ANCHORED.exec(lower);
  if (anchored) {
    if (/\bin\s$/.test(preceding)) return ahead(anchored[1], anchored[2]) ?? { kind: 'span' };
    const direction = anchored[3];
    if (direction === 'later' || direction === 'earlier') return { kind: 'span' };
    const duration = durationOf(anchored[1], anchored[2]);
    if (!duration) return { kind: 'span' };
    return { kind: 'anchored', ...duration, direction: direction === 'before' ? -1 : 1 };
  }
  const inAmount = AHEAD.exec(lower);
  if (inAmount) return ahead(inAmount[1], inAmount[2]) ?? { kind: 'span' };
  if (DURATION.test(lower)) return { kind: 'span' };

  const certain = (component: chrono.Component): boolean => parsed.isCertain(component);
  const get = (component: chrono.Component): number => parsed.get(component) ?? 0;
  const relative = RELATIVE_WORD.test(lower);
  if (!relative && certain('year') && certain('month') && certain('day')) return { kind: 'absolute', value: dayValue(dayNumber(get('year'), get('month'), get('day'))) };
  if (!relative && certain('year') && certain('month')) return { kind: 'absolute', value: monthValue(get('year'), get('month')) };
  if (!relative && certain('month') && certain('day')) return { kind: 'monthDay', month: get('month'), day: get('day') };
  if (!relative && certain('month')) return { kind: 'month', month: get('month') };
  if (/\bweekend\b/.test(lower) && !relative) return { kind: 'weekend' };
  if (!relative && certain('weekday') && !certain('day')) return { kind: 'weekday', weekday: get('weekday') };
  const day = dayNumber(get('year'), get('month'), get('day'));
  // "until the end of the month": the last day of the dateline's month, counted from it.
  if (/\bend\s+of\s+the\s+(?:week|month|year)\b/.test(lower)) return { kind: 'counted', day, granularity: 'day' };
  // chrono starts "this week" on Sunday; the week meant is the one the dateline falls in.
  if (/\bthis\s+week\b/.test(lower)) return { kind: 'counted', day: dayNumber(reference.getFullYear(), reference.getMonth() + 1, reference.getDate()), granularity: 'week' };
  if (/\bweeks?\b|\bweekend\b/.test(lower)) return { kind: 'counted', day, granularity: 'week' };
  if (/\bmonths?\b/.test(lower)) return { kind: 'counted', day, granularity: 'month' };
  if (/\byears?\b/.test(lower)) return { kind: 'counted', day, granularity: 'year' };
  if (certain('day') || certain('weekday') || relative) return { kind: 'counted', day, granularity: 'day' };
  return undefined;
}

function ahead(amountText: string, unitText: string): ExpressionShape | undefined {
  const duration = durationOf(amountText, unitText);
  return duration && { kind: 'ahead', ...duration };
}

/** "24 years", "two decades" (as 20 years); undefined for vague amounts such as "several". */
function durationOf(amountText: string, unitText: string): { amount: number; unit: DurationUnit } | undefined {
  const amount = /^\d+$/.test(amountText) ? Number(amountText) : AMOUNT_WORDS[amountText.toLowerCase()];
  if (amount === undefined) return undefined;
  const unit = unitText.toLowerCase().replace(/s$/, '');
  return unit === 'decade' ? { amount: amount * 10, unit: 'year' } : { amount, unit: unit as DurationUnit };
}

/** Bare years and decades in the sentence that chrono did not already report. */
function findYears(article: Article, sentence: Sentence, taken: TemporalExpression[]): TemporalExpression[] {
  const text = article.text.slice(sentence.start, sentence.end);
  const years: TemporalExpression[] = [];
  const isTaken = overlapsAny(taken.map((t) => t.span));
  YEAR.lastIndex = 0;
  for (let match = YEAR.exec(text); match; match = YEAR.exec(text)) {
    const span = { start: sentence.start + match.index, end: sentence.start + match.index + match[0].length };
    if (isTaken(span)) continue;
    const first = tokenIndexAt(article, sentence, span.start);
    if (first < 0 || article.tokens.start(first) !== span.start) continue;
    const previous = previousWord(article, sentence, first);
    const next = first + 1;
    const nextIsNoun = next < sentence.tokenEnd && article.tokens.type(next) === 'word' && (article.tokens.pos(next) === 'NOUN' || article.tokens.pos(next) === 'PROPN');
    // "the 1961 pact": the year names the pact; "2000 troops": not a year at all.
    const attributive = nextIsNoun && (previous === undefined || DETERMINERS.has(previous));
    if (nextIsNoun && !attributive) continue;
    const afterYear = years.length > 0 && years[years.length - 1].tokenEnd >= first - 3;
    const listed = (previous === ',' || previous === 'and' || previous === 'or') && afterYear;
    // "in the 1990s": a decade takes the article.
    const beforeArticle = match[2] && previous === 'the' ? previousWord(article, sentence, previousToken(article, sentence, first)) : undefined;
    const introduced = (previous !== undefined && YEAR_PREPOSITIONS.has(previous)) || (beforeArticle !== undefined && YEAR_PREPOSITIONS.has(beforeArticle));
    if (!attributive && !listed && !introduced && first !== sentence.tokenStart) continue;
    const year = Number(match[1]);
    const value = match[2] ? decadeValue(year) : yearValue(year);
    years.push({ ...expression(article, sentence, span, { kind: 'absolute', value }), attributive });
  }
  return years;
}

function previousWord(article: Article, sentence: Sentence, token: number): string | undefined {
  const t = previousToken(article, sentence, token);
  return t < sentence.tokenStart ? undefined : article.tokens.normal(t);
}

/** The last token before `token` that is not blank; before the sentence's start when there is none. */
function previousToken(article: Article, sentence: Sentence, token: number): number {
  let t = token - 1;
  while (t >= sentence.tokenStart && article.tokens.isBlank(t)) t--;
  return t;
}

/** The token that contains `offset`, or the first one after it; -1 past the sentence. */
function tokenIndexAt(article: Article, sentence: Sentence, offset: number): number {
  // Tokens are in text order, so their ends ascend.
  const t = firstIndexNotBefore(sentence.tokenStart, sentence.tokenEnd, (i) => article.tokens.end(i) <= offset);
  return t < sentence.tokenEnd ? t : -1;
}

/** Builds the expression, extending its span over the words that introduce it ("early on", "in"). */
function expression(article: Article, sentence: Sentence, core: Span, shape: ExpressionShape): TemporalExpression {
  let tokenStart = tokenIndexAt(article, sentence, core.start);
  let tokenEnd = tokenIndexAt(article, sentence, core.end - 1) + 1;
  let start = core.start;
  const { tokens } = article;
  const extend = (words: ReadonlySet<string>): void => {
    const previous = tokenStart - 1;
    if (previous < sentence.tokenStart) return;
    if (!words.has(tokens.normal(previous)) || article.text.slice(tokens.end(previous), start).trim() !== '') return;
    tokenStart = previous;
    start = tokens.start(previous);
  };
  // -1 when the expression lies past the sentence's tokens.
  const firstWord = (): string => (tokenStart >= 0 ? tokens.normal(tokenStart) : '');
  if (!LEAD_PREPOSITIONS.has(firstWord())) extend(LEAD_PREPOSITIONS);
  extend(LEAD_ADVERBS);
  const since = firstWord() === 'since' || previousWord(article, sentence, tokenStart) === 'since';
  if (tokenEnd <= tokenStart) tokenEnd = tokenStart + 1;
  return { span: { start, end: core.end }, text: article.text.slice(start, core.end), shape, since, attributive: false, tokenStart, tokenEnd };
}

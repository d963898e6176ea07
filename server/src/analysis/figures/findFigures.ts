import { perArticle, type Article, type Sentence } from '../article';
import { SentenceWords } from '../sentenceWords';
import type { Tokens } from '../tokens';
import type { Span } from '../types';
import { canonicalValue, digitValue, fractionValue, looksLikeYear, numberWordValue, scaleValue } from './numbers';
import { TIME_UNITS, currencyOfSymbol, matchUnit } from './units';

/** A numeric claim in an article: an amount, count, share or measure, with its approximator and unit. */
export interface FigureMention {
  /** From the approximator ("more than", "nearly") or currency sign to the unit or counted noun. */
  span: Span;
  text: string;
  /** Index of the sentence in `article.sentences`. */
  sentence: number;
  /** The amount, scaled ("4 million" → 4000000); a ratio or fraction as its quotient. */
  value: number;
  /** Normalised unit or counted noun ("%", "USD", "tonne", "container"); '' when the number counts nothing named. */
  unit: string;
}

/** What two mentions of the same figure share, across wording: "approximately 10,000 shipping containers" = "more than 10,000 shipping containers". */
export function figureKey(figure: FigureMention): string | undefined {
  return figure.unit ? `${canonicalValue(figure.value)} ${figure.unit}` : undefined;
}

// Longest first, so "as many as" wins over a shorter phrase ending the same way.
const APPROXIMATORS: string[][] = [
  ['as', 'many', 'as'], ['as', 'much', 'as'], ['as', 'few', 'as'], ['as', 'little', 'as'],
  ['more', 'than'], ['less', 'than'], ['fewer', 'than'], ['at', 'least'], ['at', 'most'], ['up', 'to'], ['close', 'to'],
  ['upwards', 'of'], ['upward', 'of'], ['well', 'over'], ['just', 'over'], ['just', 'under'], ['an', 'estimated'], ['an', 'additional'],
  ['nearly'], ['almost'], ['about'], ['around'], ['roughly'], ['approximately'], ['some'], ['over'], ['under'], ['perhaps'],
  ['only'], ['just'], ['barely'], ['exactly'], ['estimated'], ['another'],
];

/** Words that make the number after them a label rather than an amount: "Flight 370", "Photo 2", "Route 66". */
const LABEL_WORDS = new Set([
  'no', 'no.', 'number', '#', 'flight', 'route', 'highway', 'interstate', 'room', 'suite', 'gate', 'platform', 'terminal', 'article',
  'section', 'chapter', 'resolution', 'channel', 'proposition', 'measure', 'apartment', 'unit', 'building', 'district', 'ward',
  'precinct', 'lot', 'pier', 'berth', 'level', 'grade', 'phase', 'stage', 'model', 'version', 'page', 'photo', 'image', 'picture',
  'slide', 'part', 'step', 'item', 'episode', 'game', 'round', 'line', 'exit', 'track', 'runway', 'row', 'seat', 'bus', 'figure', 'table',
]);

const PHONE_VERBS = new Set(['call', 'calling', 'dial', 'dialing', 'dialling', 'text', 'texting', 'phone', 'ring']);
const STREET_WORDS = new Set(['street', 'st', 'st.', 'avenue', 'ave', 'ave.', 'road', 'rd', 'rd.', 'boulevard', 'blvd', 'blvd.', 'lane', 'ln', 'drive', 'dr', 'dr.', 'way', 'place', 'square', 'court', 'terrace', 'highway', 'parkway']);
const PEOPLE_NOUNS = new Set(['children', 'kids', 'people', 'adults', 'those', 'anyone', 'patients', 'men', 'women', 'boys', 'girls', 'infants', 'babies', 'students', 'residents']);
/** Determiners that make a small count a reference to people or things the story already knows: "the two leaders". */
const DEFINITE = new Set(['the', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'my', 'your', 'both', "'s", '’s']);
const MULTIPLIERS = new Map([['twice', 2], ['double', 2], ['triple', 3], ['quadruple', 4]]);
const RATE_WORDS = new Set(['a', 'an', 'per', 'each']);
/** Words after a span of time that place an event in time: "a year earlier" is no rate. */
const RELATIVE_TIME = new Set(['ago', 'earlier', 'later', 'before', 'after', 'prior']);
const SMALL_COUNT = 12;

/** One sentence's words, and what the rules read around them. */
interface SentenceView {
  article: Article;
  sentence: Sentence;
  words: SentenceWords;
  /** wink entity type per token index, where one covers it. */
  entityAt: Map<number, string>;
  startsList: boolean;
}

export const findFigures = perArticle((article: Article): readonly FigureMention[] => {
  const entityAt = new Map<number, string>();
  for (const entity of article.entities) for (let t = entity.tokenStart; t < entity.tokenEnd; t++) entityAt.set(t, entity.type);
  const startsList = article.paragraphs.some((p) => /^1[.)]\s/.test(article.text.slice(p.start, p.end)));
  const figures: FigureMention[] = [];
  for (const sentence of article.sentences) {
    const words = new SentenceWords(article.tokens, sentence.tokenStart, sentence.tokenEnd);
    const view: SentenceView = { article, sentence, words, entityAt, startsList };
    let p = 0;
    while (p < words.length) {
      const read = mayStartFigure(article.tokens, words.index[p]) ? readFigure(view, p) : undefined;
      if (!read) {
        p++;
        continue;
      }
      if (read.figure) figures.push(read.figure);
      p = Math.max(read.next, p + 1);
    }
  }
  return figures;
});

/** A cheap test run on every token before the full reading: digits, a currency sign, or a word a number or fraction can start with. */
function mayStartFigure(tokens: Tokens, t: number): boolean {
  const type = tokens.type(t);
  if (type === 'number' || type === 'currency') return true;
  const word = tokens.normal(t);
  return word === 'a' || word === 'an' || word === 'half' || MULTIPLIERS.has(word) || numberWordValue(word) !== undefined;
}

interface Read {
  /** Undefined when the number is something else: a year, an age, a label, a phone number. */
  figure?: FigureMention;
  /** Position after everything read, so a range or "2 of 6" is not read twice. */
  next: number;
}

interface Core {
  start: number;
  /** Position after the number and its scale words. */
  end: number;
  value: number;
  currency?: string;
  /** Written with digits (as opposed to number words). */
  digits: boolean;
  /** A plain integer token with no scale, sign or word: candidates for years, ages, labels. */
  bare: boolean;
}

function readFigure(view: SentenceView, p: number): Read | undefined {
  const core = readCore(view, p);
  if (!core) return undefined;
  const { words } = view;
  const skip = (next: number): Read => ({ next });

  const entity = view.entityAt.get(words.index[core.start + (core.currency ? 1 : 0)]);
  const paragraph = view.article.paragraphs[view.sentence.paragraph];
  const atParagraphStart = words.start(core.start) === paragraph.start;

  // Numbering of lists and captions: "1. It adds…", "Photo 2 of 6", "1 of 3", and a list's title "7 things to know".
  if (atParagraphStart && (words.normal(core.end) === '.' || words.normal(core.end) === ')') && core.bare) return skip(core.end + 1);
  if (words.normal(core.end) === 'of' && core.bare && digitValue(words.value(core.end + 1)) !== undefined && (atParagraphStart || LABEL_WORDS.has(words.normal(core.start - 1)))) {
    return skip(core.end + 2);
  }
  if (core.bare && view.sentence.paragraph === 0 && atParagraphStart && view.startsList) return skip(core.end);
  if (view.sentence.paragraph === 0 && isListTitle(view, core.end)) return skip(core.end + 1);
  if (core.bare && LABEL_WORDS.has(words.normal(core.start - 1))) return skip(core.end);
  // Identifiers glued to a name: "Covid-19", "F-16" (wink keeps most as one token; this catches the rest).
  if (core.start > 0 && words.normal(core.start - 1) === '-' && adjacent(view, core.start - 1, core.start) && /^[A-Z]/.test(words.value(core.start - 2))) return skip(core.end);
  // Phone numbers: "call 311", "(555) 123-4567".
  if (core.bare && PHONE_VERBS.has(words.normal(core.start - 1))) return skip(core.end);
  if (core.bare && words.normal(core.start - 1) === '(' && words.normal(core.end) === ')' && /^\d{3}-\d{4}$/.test(words.value(core.end + 1))) return skip(core.end + 2);
  // Addresses: "200 Main Street".
  if (core.bare && isStreetName(view, core.end)) return skip(core.end);
  // Inside a URL, e-mail address or handle.
  if (insideLink(view.article.text, words.start(core.start), words.end(core.start))) return skip(core.end);
  // Ages: "Mensah, 24, joined", "aged 40", "children under 5".
  if (core.bare && words.normal(core.start - 1) === ',' && (words.normal(core.end) === ',' || words.normal(core.end) === '.') && /^[A-Z]/.test(words.value(core.start - 2))) return skip(core.end + 1);
  if (core.bare && words.normal(core.start - 1) === 'aged') return skip(core.end);
  if (core.bare && (words.normal(core.start - 1) === 'under' || words.normal(core.start - 1) === 'over') && PEOPLE_NOUNS.has(words.normal(core.start - 2))) return skip(core.end);
  // Dates, times and ordinals as wink sees them ("June 19", "11 p.m.", "by 2030"), unless money.
  if (!core.currency && (entity === 'DATE' || entity === 'TIME' || entity === 'ORDINAL' || entity === 'URL' || entity === 'EMAIL')) return skip(core.end);
  // "one" is mostly a pronoun ("one of the", "one another"); it counts only with a scale, ratio or fraction.
  if (words.normal(core.start) === 'one' && core.end === core.start + 1 && !core.currency) return skip(core.end);

  const unit = readUnit(view, core);
  if (unit.notAnAmount) return skip(unit.end);
  if (core.bare && looksLikeYear(words.value(core.start)) && !unit.plural && !unit.measure) return skip(core.end);
  if (!core.currency && !unit.measure && Number.isInteger(core.value) && core.value <= SMALL_COUNT && DEFINITE.has(words.normal(core.start - 1))) return skip(unit.end);

  const start = approximatorBefore(view, core.start) ?? core.start;
  const from = words.start(start);
  const to = words.end(unit.end - 1);
  const figure: FigureMention = {
    span: { start: from, end: to },
    text: view.article.text.slice(from, to),
    sentence: view.sentence.index,
    value: core.value,
    unit: unit.unit,
  };
  return { figure, next: unit.end };
}

/** Reads a number at `p`: digits or number words, a currency sign, scale words, ratios and fractions. */
function readCore(view: SentenceView, p: number): Core | undefined {
  const { words } = view;
  let q = p;
  let currency: string | undefined;
  if (words.type(q) === 'currency' || currencyOfSymbol(words.value(q))) {
    currency = currencyOfSymbol(words.value(q)) ?? words.value(q);
    q++;
  }
  if (!words.has(q)) return undefined;
  const at = q;

  // Fractions: "a fifth of", "two-thirds", "nearly half its value".
  const fraction = readFraction(view, q);
  if (fraction && !currency) return { start: p, end: fraction.end, value: fraction.value, digits: false, bare: false };

  let value = digitValue(words.value(at));
  const digits = value !== undefined;
  if (value === undefined) {
    if (words.type(at) === 'number') return undefined;
    value = numberWordValue(words.normal(at));
    if (value === undefined) return undefined;
    // Hyphenated tens: "twenty-five".
    if (value >= 20 && value % 10 === 0 && words.normal(q + 1) === '-' && adjacent(view, q, q + 1)) {
      const ones = numberWordValue(words.normal(q + 2));
      if (ones !== undefined && ones < 10) {
        value += ones;
        q += 2;
      }
    }
  }
  q++;
  let scaled = false;
  for (;;) {
    const scale = scaleValue(words.normal(q), digits && adjacent(view, q - 1, q));
    if (scale === undefined) break;
    value *= scale;
    scaled = true;
    q++;
    // "two hundred (and) fifty"
    const andOffset = words.normal(q) === 'and' ? 1 : 0;
    const rest = numberWordValue(words.normal(q + andOffset));
    if (scale === 100 && rest !== undefined && rest < 100) {
      value += rest;
      q += andOffset + 1;
    }
  }
  // Ratios: "one in four", "9 out of 10".
  let ratio = false;
  const denominatorAt = words.normal(q) === 'in' ? q + 1 : words.normal(q) === 'out' && words.normal(q + 1) === 'of' ? q + 2 : -1;
  if (denominatorAt > 0) {
    const denominator = digitValue(words.value(denominatorAt)) ?? numberWordValue(words.normal(denominatorAt));
    if (denominator) {
      value /= denominator;
      ratio = true;
      q = denominatorAt + 1;
    }
  }
  // Money ranges: "$3.80 to $4.00".
  if (currency && words.normal(q) === 'to' && currencyOfSymbol(words.value(q + 1)) && digitValue(words.value(q + 2)) !== undefined) q += 3;
  const bare = digits && !currency && !scaled && !ratio && /^\d+$/.test(words.value(at));
  return { start: p, end: q, value, currency, digits, bare };
}

function readFraction(view: SentenceView, q: number): { value: number; end: number } | undefined {
  const word = view.words.normal(q);
  if (word === 'half') {
    const before = view.words.normal(q - 1);
    const after = view.words.normal(q + 1);
    const quantified = ['of', 'its', 'their', 'his', 'her', 'our'].includes(after) || APPROXIMATORS.some((a) => a.length === 1 && a[0] === before);
    // "the second half", "a half", "half an hour" are not shares of anything.
    if (!quantified || before === 'the' || before === 'a' || view.entityAt.get(view.words.index[q - 1]) === 'ORDINAL') return undefined;
    return { value: 0.5, end: q + 1 };
  }
  const times = MULTIPLIERS.get(word);
  if (times !== undefined) {
    // A multiplier ("nearly twice what he paid", "about triple the price"), not a frequency ("twice a
    // week") or a verb ("prices double").
    const before = view.words.normal(q - 1);
    const after = view.words.normal(q + 1);
    const multiplier = ['as', 'what', 'the', 'that'].includes(after) || APPROXIMATORS.some((a) => a.length === 1 && a[0] === before);
    return multiplier ? { value: times, end: q + 1 } : undefined;
  }
  const count = word === 'a' || word === 'an' ? 1 : numberWordValue(word);
  if (count === undefined || count === 0) return undefined;
  const hyphen = view.words.normal(q + 1) === '-' && adjacent(view, q, q + 1);
  const at = hyphen ? q + 2 : q + 1;
  const fraction = fractionValue(view.words.normal(at));
  if (fraction === undefined) return undefined;
  // "a third of", "two-thirds" (hyphenated, any use), "two thirds of", and a change "by a third".
  if (!hyphen && view.words.normal(at + 1) !== 'of' && !(view.words.normal(q - 1) === 'by' && at === q + 1)) return undefined;
  if (!hyphen && count === 1 && word !== 'a' && word !== 'an' && word !== 'one') return undefined;
  return { value: count * fraction, end: at + 1 };
}

interface Unit {
  unit: string;
  /** Position after the unit, counted noun and rate. */
  end: number;
  /** A unit of measure or money, as opposed to a counted noun. */
  measure: boolean;
  /** The counted noun is plural ("2000 troops"), which a year never has. */
  plural: boolean;
  /** The number is no amount: a span of time ("24 years", "a 38-year wait") or a kind ("three-point shooting"). */
  notAnAmount: boolean;
}

/** Reads what the number counts or measures after `core.end`, and a rate ("a day", "per container"). */
function readUnit(view: SentenceView, core: Core): Unit {
  const { words } = view;
  let q = core.end;
  let unit = core.currency ?? '';
  let measure = core.currency !== undefined;
  let plural = false;
  let timeSpan = false;

  if (words.normal(q) === '-' && adjacent(view, q - 1, q) && adjacent(view, q, q + 1)) {
    // Compounds: a measure ("a 700-kilometer section", "a 14-percent rise") is an amount; a span of time
    // ("a 38-year wait", "a 40-year-old man") or a kind ("three-point shooting", "a two-party system") is not.
    const match = matchUnit([words.normal(q + 1)]);
    if (!match) return { unit: '', end: q + 2, measure: false, plural: false, notAnAmount: true };
    unit = match.unit;
    measure = true;
    q += 2;
  } else {
    const following: string[] = [];
    for (let i = q; i < q + 3 && i < words.length; i++) following.push(words.normal(i));
    // Money carries its unit in the sign: "$45 million" is followed by what it pays for, not by a unit.
    const match = core.currency ? undefined : matchUnit(following);
    if (match) {
      // "9,000 pounds of produce" weighs; "4 million pounds" paid for a player is money.
      unit = match.unit === 'GBP' && words.normal(q + match.length) === 'of' ? 'lb' : match.unit;
      measure = true;
      q += match.length;
    } else if (TIME_UNITS.has(words.normal(q))) {
      timeSpan = true;
      unit = words.lemma(q);
      plural = true;
      q++;
    } else if (!core.currency) {
      const head = counted(view, q);
      if (head) {
        unit = head.lemma;
        plural = head.plural;
        q = head.end;
      }
    }
  }
  // Rates: "$45 million a day", "2.1 million containers a year", "150 euros per container"; not "a year earlier".
  let rate = false;
  const rateNoun = words.type(q + 1) === 'word' && (words.pos(q + 1) === 'NOUN' || TIME_UNITS.has(words.normal(q + 1)));
  if (RATE_WORDS.has(words.normal(q)) && rateNoun && unit !== '' && !RELATIVE_TIME.has(words.normal(q + 2))) {
    unit = `${unit}/${words.lemma(q + 1)}`;
    rate = true;
    q += 2;
  }
  const entity = view.entityAt.get(words.index[core.start + (core.currency ? 1 : 0)]);
  const inDuration = entity === 'DURATION' && !measure;
  const previous = words.normal(core.start - 1);
  // A span of time is an amount only as a frequency ("every six minutes") or a change ("cut … by 8 minutes").
  const duration = (timeSpan || inDuration) && !rate && previous !== 'every' && previous !== 'by';
  return { unit, end: q, measure, plural, notAnAmount: duration };
}

/** The noun phrase a number counts: "shipping containers", "other buildings", "corporate jobs". */
function counted(view: SentenceView, q: number): { lemma: string; plural: boolean; end: number } | undefined {
  const { words } = view;
  let head: number | undefined;
  for (let i = q; i < q + 4 && i < words.length; i++) {
    if (words.type(i) !== 'word') break;
    const pos = words.pos(i);
    if (pos === 'NOUN') head = i;
    else if (pos === 'ADJ' || pos === 'PROPN' || (pos === 'VERB' && words.normal(i).endsWith('ing'))) {
      if (head !== undefined) break;
    } else break;
  }
  if (head === undefined) return undefined;
  const lemma = words.lemma(head).toLowerCase();
  return { lemma, plural: words.normal(head) !== lemma, end: head + 1 };
}

function approximatorBefore(view: SentenceView, p: number): number | undefined {
  for (const phrase of APPROXIMATORS) {
    const start = p - phrase.length;
    if (start < 0) continue;
    if (phrase.every((word, i) => view.words.normal(start + i) === word)) return start;
  }
  return undefined;
}

function adjacent(view: SentenceView, a: number, b: number): boolean {
  const { words } = view;
  return words.has(a) && words.has(b) && words.end(a) === words.start(b);
}

/** A listicle's title: "7 things to know", "Five ways to save" (a plural noun, then "to" and a verb). */
function isListTitle(view: SentenceView, q: number): boolean {
  const { words } = view;
  return words.pos(q) === 'NOUN' && words.normal(q) !== words.lemma(q).toLowerCase() && words.normal(q + 1) === 'to' && words.pos(q + 2) === 'VERB';
}

function isStreetName(view: SentenceView, q: number): boolean {
  for (let i = q; i < q + 4 && i < view.words.length; i++) {
    if (!/^[A-Z]/.test(view.words.value(i))) return false;
    if (i > q && STREET_WORDS.has(view.words.normal(i))) return true;
  }
  return false;
}

/** True when the token at [tokenStart, tokenEnd) sits in a run of non-space text that is a link, an address or a handle. */
function insideLink(text: string, tokenStart: number, tokenEnd: number): boolean {
  let start = tokenStart;
  let end = tokenEnd;
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  while (end < text.length && !/\s/.test(text[end])) end++;
  const chunk = text.slice(start, end);
  return /:\/\/|www\.|@|\.(?:com|org|net|gov|edu|io|co)\b|\w\/\w/i.test(chunk);
}

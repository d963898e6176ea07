import * as chrono from 'chrono-node';
import type { Article } from '../article';
import type { Span } from '../types';
import { dayNumber } from './calendar';

/** The date an article was filed or published, which relative expressions in it count from. */
export interface Dateline {
  /** The date as written, e.g. "Wednesday, June 19, 2024" or "Jun 19/2024 06:50PM". */
  span: Span;
  text: string;
  day: number;
  /** The place a wire-style dateline opens with ("VALDERA, March 4, 2025 —"), where the story happened. */
  place?: string;
}

/** Datelines stand at the top: past the first few paragraphs, a full date is part of the story. */
const MAX_PARAGRAPHS = 8;
const MAX_OFFSET = 1500;
const MAX_LINE = 160;

/**
 * What may stand before a date on a line of its own: "Posted", "Published on", "By Jane Doe |". Each
 * repetition is matched atomically (`(?=(…))\1`): a label's words could otherwise be split between
 * repetitions in exponentially many ways, and a 150-character line that fails would take minutes.
 */
const LABEL_PREFIX = /^(?:(?=(\s*(?:posted|published|updated|post(?:ed)?\s+at|first\s+published|last\s+updated|date[d]?|on|by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*[:|·•,–—-]?))\1)*\s*$/i;
/** What may follow it: a time, a time zone, a separator; atomic repetitions for the same reason. */
const LABEL_SUFFIX = /^(?:(?=(\s*[|·•,]?\s*(?:(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?|[A-Z]{2,5}|\([A-Z]{2,5}\))))\1)*\s*$/i;
/** A place and an optional agency before the date at the start of a story: "VALDERA, ", "OSLO (Reuters), ". */
const PLACE_PREFIX = /^\s*([A-Z][A-Za-z.'’ -]{1,40}?)\s*(?:\([^)]{1,40}\))?,\s*$/;
/** A full date has a year: lines without one are not worth a chrono pass. */
const FOUR_DIGITS = /\d{4}/;
/** The dash that ends such a dateline. */
const DASH_SUFFIX = /^\s*(?:—|–|--|-|:)/;

/**
 * Finds the article's dateline: a full date (day, month and year) standing alone on one of the first
 * lines, with at most a label or a time around it, or opening the first paragraphs in the wire style
 * "PLACE, March 4, 2025 —". A date inside a sentence is never taken: the reference must not be a guess.
 */
export function findDateline(article: Article): Dateline | undefined {
  const { text } = article;
  for (const paragraph of article.paragraphs.slice(0, MAX_PARAGRAPHS)) {
    if (paragraph.start > MAX_OFFSET) break;
    const line = text.slice(paragraph.start, paragraph.end);
    if (!FOUR_DIGITS.test(line)) continue;
    for (const result of chrono.parse(line.slice(0, MAX_LINE * 2), undefined, { forwardDate: false })) {
      const date = result.start;
      if (!date.isCertain('year') || !date.isCertain('month') || !date.isCertain('day')) continue;
      const dateText = result.text.replace(/[\s,;.]+$/, '');
      const before = line.slice(0, result.index);
      const after = line.slice(result.index + dateText.length);
      const standsAlone = line.length <= MAX_LINE && LABEL_PREFIX.test(before) && LABEL_SUFFIX.test(after);
      const place = PLACE_PREFIX.exec(before);
      const opensStory = place !== null && DASH_SUFFIX.test(after);
      if (!standsAlone && !opensStory) continue;
      const start = paragraph.start + result.index;
      return {
        span: { start, end: start + dateText.length },
        text: dateText,
        day: dayNumber(date.get('year')!, date.get('month')!, date.get('day')!),
        place: opensStory ? place[1].trim() : undefined,
      };
    }
  }
  return undefined;
}

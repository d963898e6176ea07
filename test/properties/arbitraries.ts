/** fast-check generators of small news texts and of the edits a writer makes to them. */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../robustness/harness';
import { DATES, FIGURES, FOREIGN, OBJECTS, QUOTES, SOURCES, SUBJECTS, VERBS } from '../robustness/newsText';

const DATES_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'dates');
const WORDS = ['the', 'council', 'said', 'cannot', "won't", 'U.S.', 'people', 'were', 'evacuated', 'according', 'to', 'officials', 'report', 'percent', 'million', 'on', 'Monday', 'in', 'March', 'workers', 'strike', 'port'];
const BREAKS = ['. ', '.\n', '.\n\n', '\r\n', '\r', '\n\n', ', ', '; ', ' — ', '? ', '!\n'];
const ODD = ['😀', '👩‍👩‍👧', '🇺🇦', 'é', 'ß', 'Ж', '한', '中', '\u00a0', '\t', '“', '”', '"', "'", '’', '(', ')', '%', '$', '€', '-', '–'];

const number = fc.oneof(
  fc.integer({ min: 0, max: 99_999_999 }).map((n) => n.toLocaleString('en-US')),
  fc.integer({ min: 0, max: 9999 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9 })).map(([a, b]) => `${a}.${b}`),
);

/** One piece of text: a word, a figure, a date, a source, a quotation, a break, another script or an odd character. */
export const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS, ...SUBJECTS, ...VERBS) },
  { weight: 3, arbitrary: number },
  { weight: 2, arbitrary: fc.constantFrom(...FIGURES, ...DATES, ...OBJECTS) },
  { weight: 1, arbitrary: fc.constantFrom(...SOURCES, ...QUOTES, ...FOREIGN) },
  { weight: 3, arbitrary: fc.constantFrom(...BREAKS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
);

/** A short text made of pieces separated by spaces (or not, now and then). */
export const newsText: fc.Arbitrary<string> = fc
  .array(fc.tuple(piece, fc.constantFrom(' ', ' ', ' ', '')), { minLength: 0, maxLength: 60 })
  .map((parts) => parts.map(([p, gap]) => p + gap).join(''));

/** A sentence long enough for the copy check, shared between articles so that they copy each other. */
export const sharedSentence: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...WORDS, ...OBJECTS, ...FIGURES), { minLength: 8, maxLength: 16 })
  .map((words) => `${words.join(' ')}.`);

/**
 * Reports of one event that date it differently: what the date check compares. Random text seldom
 * dates the same event twice, so these come from the fixtures and are then edited at random.
 */
const DATED_REPORTS = readdirSync(DATES_FIXTURES)
  .filter((name) => name.startsWith('kessling-') && name.endsWith('.txt'))
  .map((name) => readFileSync(path.join(DATES_FIXTURES, name), 'utf8'));

/** Articles of a small workspace: random texts, some sharing passages, and now and then reports that date one event differently. */
export const workspaceTexts = (min: number, max: number): fc.Arbitrary<string[]> =>
  fc
    .tuple(
      fc.array(newsText, { minLength: min, maxLength: max }),
      fc.array(sharedSentence, { minLength: 1, maxLength: 3 }),
      fc.array(fc.nat(), { minLength: max, maxLength: max }),
      fc.subarray(DATED_REPORTS, { maxLength: 2 }),
    )
    .map(([texts, shared, picks, reports]) => [
      ...reports,
      ...texts.slice(reports.length).map((text, i) => (picks[i] % 3 === 0 ? text : `${text}\n\n${shared[picks[i] % shared.length]}\n\n${shared[(picks[i] >> 2) % shared.length]}`)),
    ]);

export interface Edit {
  /** Which article, modulo the number of articles. */
  article: number;
  /** Where, as a share of the article's length. */
  at: number;
  remove: number;
  insert: string;
}

export const edit: fc.Arbitrary<Edit> = fc.record({
  article: fc.nat(),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
  insert: fc.oneof(fc.constant(''), piece, fc.array(piece, { maxLength: 6 }).map((p) => p.join(' ')), sharedSentence),
});

/** Applies an edit on UTF-16 offsets, as an editor would (it may split a surrogate pair, as editors can). */
export function applyEdit(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

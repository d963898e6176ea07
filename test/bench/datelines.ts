import type { Prng } from './prng';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const CITIES = ['WASHINGTON', 'NEW YORK', 'CHICAGO', 'LONDON', 'BRUSSELS', 'HOUSTON', 'ATLANTA', 'DENVER', 'SACRAMENTO', 'OTTAWA', 'GENEVA', 'TOKYO'];
const BYLINES = ['Maria Lopez', 'James Carter', 'Aisha Khan', 'Daniel Novak', 'Grace Liu', 'Samuel Okafor', 'Elena Petrova', 'Tom Becker'];
const AGENCIES = ['(Reuters)', '(AP)', ''];

/** Publication days of the generated archive: three years, so weekdays and months vary. */
const FIRST_DAY = Date.UTC(2023, 0, 2);
const DAYS = 3 * 365;

export function randomDate(rng: Prng): Date {
  return new Date(FIRST_DAY + rng.int(0, DAYS - 1) * 86_400_000);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

export function longDate(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

export function monthDay(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

export function weekday(date: Date): string {
  return WEEKDAYS[date.getUTCDay()];
}

/** How the article states its publication date, in one of the forms news sites use. */
export interface Dateline {
  /** A line of its own under the headline, if the style has one. */
  line?: string;
  /** Text that opens the first paragraph, if the style has one (wire-service datelines). */
  lead?: string;
}

export function dateline(rng: Prng, date: Date): Dateline {
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (rng.int(0, 6)) {
    case 0:
      return { lead: `${rng.pick(CITIES)}, ${longDate(date)} — ` };
    case 1:
      return { lead: `${rng.pick(CITIES)} ${rng.pick(AGENCIES)} - `.replace('  ', ' ') };
    case 2:
      return { line: `Posted ${longDate(date)}` };
    case 3:
      return { line: `${weekday(date)}, ${longDate(date)}` };
    case 4:
      return { line: `Published ${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(rng.int(6, 22))}:${pad(rng.int(0, 59))}` };
    case 5:
      return { line: `By ${rng.pick(BYLINES)} | ${SHORT_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}` };
    default:
      return { line: `Updated ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}` };
  }
}

/**
 * A phrase placing an event relative to the publication day ("on Wednesday", "last Friday"), and now
 * and then one whose weekday contradicts its calendar date, as a careless update would.
 */
export function relativeDatePhrase(rng: Prng, published: Date): { opener: string; closer: string } {
  const back = rng.int(1, 6);
  const day = addDays(published, -back);
  const roll = rng.next();
  if (roll < 0.35) return { opener: `On ${weekday(day)}, `, closer: ` on ${weekday(day)}` };
  if (roll < 0.55) return { opener: `Last ${weekday(day)}, `, closer: ` last ${weekday(day)}` };
  if (roll < 0.7) return { opener: 'Yesterday, ', closer: ' yesterday' };
  if (roll < 0.9) return { opener: `On ${monthDay(day)}, `, closer: ` on ${weekday(day)}, ${monthDay(day)}` };
  const wrong = addDays(day, rng.int(1, 3));
  return { opener: `On ${weekday(wrong)}, ${monthDay(day)}, `, closer: ` on ${weekday(wrong)}, ${monthDay(day)}` };
}

/**
 * Calendar arithmetic on whole days. A day is its number since 1970-01-01 (UTC), so intervals compare
 * with plain integer arithmetic and no time zone can shift a date.
 */

export type Granularity = 'day' | 'week' | 'month' | 'year' | 'decade';

/** A resolved date: the days it may denote, inclusive, and how precisely the text stated it. */
export interface DateValue {
  start: number;
  end: number;
  granularity: Granularity;
}

const MS_PER_DAY = 86_400_000;

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Day number of a calendar date; `month` is 1-based. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function fromDayNumber(day: number): { year: number; month: number; day: number; weekday: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}

/** 0 = Sunday, as in JavaScript and chrono. */
export function weekdayOf(day: number): number {
  return fromDayNumber(day).weekday;
}

export function dayValue(day: number): DateValue {
  return { start: day, end: day, granularity: 'day' };
}

export function monthValue(year: number, month: number): DateValue {
  const start = dayNumber(year, month, 1);
  const end = month === 12 ? dayNumber(year + 1, 1, 1) - 1 : dayNumber(year, month + 1, 1) - 1;
  return { start, end, granularity: 'month' };
}

export function yearValue(year: number): DateValue {
  return { start: dayNumber(year, 1, 1), end: dayNumber(year + 1, 1, 1) - 1, granularity: 'year' };
}

export function decadeValue(firstYear: number): DateValue {
  return { start: dayNumber(firstYear, 1, 1), end: dayNumber(firstYear + 10, 1, 1) - 1, granularity: 'decade' };
}

/** The Monday-to-Sunday week that contains `day`. */
export function weekValue(day: number): DateValue {
  const offset = (weekdayOf(day) + 6) % 7;
  return { start: day - offset, end: day - offset + 6, granularity: 'week' };
}

/** Days between two intervals; 0 when they touch or overlap. */
export function gapBetween(a: DateValue, b: DateValue): number {
  return Math.max(0, b.start - a.end, a.start - b.end);
}

export function formatDay(day: number): string {
  const d = fromDayNumber(day);
  return `${WEEKDAY_NAMES[d.weekday]} ${d.day} ${MONTH_NAMES[d.month - 1]} ${d.year}`;
}

/** How a value reads in a message: "Wed 19 June 2024", "April 2024", "2024". */
export function formatValue(value: DateValue): string {
  const first = fromDayNumber(value.start);
  switch (value.granularity) {
    case 'day':
      return value.start === value.end ? formatDay(value.start) : `${formatDay(value.start)} – ${formatDay(value.end)}`;
    case 'week':
      return `the week of ${formatDay(value.start)}`;
    case 'month':
      return `${MONTH_NAMES[first.month - 1]} ${first.year}`;
    case 'year':
      return String(first.year);
    case 'decade':
      return `the ${first.year}s`;
  }
}

/** A compact machine form, used by labelled fixtures: 2024-06-19, 2024-04, 2024, 2024-W(2024-06-10), 1940s. */
export function isoValue(value: DateValue): string {
  const first = fromDayNumber(value.start);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const iso = (d: { year: number; month: number; day: number }): string => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  switch (value.granularity) {
    case 'day':
      return value.start === value.end ? iso(first) : `${iso(first)}/${iso(fromDayNumber(value.end))}`;
    case 'week':
      return `week-of-${iso(first)}`;
    case 'month':
      return `${first.year}-${pad(first.month)}`;
    case 'year':
      return String(first.year);
    case 'decade':
      return `${first.year}s`;
  }
}

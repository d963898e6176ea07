import { dayNumber, dayValue, formatDay, formatValue, fromDayNumber, monthValue, weekValue, weekdayOf, yearValue, type DateValue } from './calendar';
import type { Dateline } from './dateline';
import type { DurationUnit, TemporalExpression } from './temporal';

export interface Resolution {
  /** Undefined when the expression is a span or needs a dateline the article lacks. */
  value?: DateValue;
  /** How the value was reached, for the hover: "'on Wednesday' → Wed 19 June 2024, from the dateline …". */
  explanation: string;
  usedDateline: boolean;
}

export const NO_DATELINE = 'no dateline found; relative dates were not resolved';
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Why a date lies ahead of the dateline, when it does. */
export type Ahead = 'future' | 'deadline' | undefined;
const AHEAD_BECAUSE = { future: 'as the verb is future', deadline: 'as it bounds what is still to come' };

/**
 * Resolves an expression against the article's dateline. News reports what has happened, so a weekday or
 * a month without a year is the latest one not after the dateline; a future verb ("will meet on Friday")
 * or a bound on what is still to come ("closed until Wednesday") turns that round to the first one not
 * before it.
 */
export function resolve(expression: TemporalExpression, dateline: Dateline | undefined, ahead: Ahead): Resolution {
  const future = ahead !== undefined;
  const quoted = `'${expression.text}'`;
  const shape = expression.shape;
  switch (shape.kind) {
    case 'absolute':
      return { value: shape.value, explanation: `${quoted} → ${formatValue(shape.value)}, as written`, usedDateline: false };
    case 'span':
      return { explanation: `${quoted} is a length of time, not a date`, usedDateline: false };
    case 'anchored':
      return { explanation: `${quoted} counts from another event`, usedDateline: false };
    case 'ahead':
      if (!future) return { explanation: `${quoted} is a length of time ("the first … in ${shape.amount} ${shape.unit}s"), not a date`, usedDateline: false };
      break;
  }
  if (!dateline) return { explanation: `${quoted} is relative: ${NO_DATELINE}`, usedDateline: false };
  const reference = dateline.day;
  const from = `the dateline '${dateline.text}'`;
  const direction = ahead ? `the first one not before it, ${AHEAD_BECAUSE[ahead]}` : 'the latest one not after it';
  const resolved = (value: DateValue, how: string): Resolution => ({ value, explanation: `${quoted} → ${formatValue(value)}, ${how}`, usedDateline: true });
  const ref = fromDayNumber(reference);
  switch (shape.kind) {
    case 'monthDay': {
      let day = dayNumber(ref.year, shape.month, shape.day);
      if (!future && day > reference) day = dayNumber(ref.year - 1, shape.month, shape.day);
      if (future && day < reference) day = dayNumber(ref.year + 1, shape.month, shape.day);
      return resolved(dayValue(day), `the year from ${from} (${direction})`);
    }
    case 'month': {
      let year = ref.year;
      if (!future && shape.month > ref.month) year--;
      if (future && shape.month < ref.month) year++;
      return resolved(monthValue(year, shape.month), `the year from ${from} (${direction})`);
    }
    case 'weekday': {
      const shift = future ? (shape.weekday - weekdayOf(reference) + 7) % 7 : -((weekdayOf(reference) - shape.weekday + 7) % 7);
      return resolved(dayValue(reference + shift), `from ${from} (the ${future ? 'first' : 'latest'} ${WEEKDAYS[shape.weekday]} ${ahead ? `not before it, ${AHEAD_BECAUSE[ahead]}` : 'not after it'})`);
    }
    case 'weekend': {
      const saturday = future ? reference + ((6 - weekdayOf(reference) + 7) % 7) : reference - ((weekdayOf(reference) + 1) % 7);
      return { value: { start: saturday, end: saturday + 1, granularity: 'day' }, explanation: `${quoted} → the weekend of ${formatDay(saturday)}, from ${from}`, usedDateline: true };
    }
    case 'counted':
      return resolved(countedValue(shape.day, shape.granularity), `counted from ${from}`);
    case 'ahead':
      return resolved(shifted(dayValue(reference), shape.amount, shape.unit), `counted forward from ${from}, as the verb is future`);
  }
}

function countedValue(day: number, granularity: DateValue['granularity']): DateValue {
  const d = fromDayNumber(day);
  switch (granularity) {
    case 'week':
      return weekValue(day);
    case 'month':
      return monthValue(d.year, d.month);
    case 'year':
    case 'decade':
      return yearValue(d.year);
    case 'day':
      return dayValue(day);
  }
}

/** `value` moved by `amount` units, keeping its granularity unless the unit is coarser. */
export function shifted(value: DateValue, amount: number, unit: DurationUnit): DateValue {
  if (unit === 'day' || unit === 'week') {
    const days = unit === 'week' ? amount * 7 : amount;
    return { start: value.start + days, end: value.end + days, granularity: value.granularity };
  }
  const first = fromDayNumber(value.start);
  const months = unit === 'year' ? amount * 12 : amount;
  const total = first.year * 12 + (first.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  switch (value.granularity) {
    case 'day':
      return dayValue(dayNumber(year, month, first.day));
    case 'week':
      return weekValue(dayNumber(year, month, first.day));
    case 'month':
      return monthValue(year, month);
    case 'year':
    case 'decade':
      return yearValue(year);
  }
}

import * as path from 'node:path';
import { evaluateFigures } from './figures';
import { evaluateDates, evaluateSeedDates } from './dates';
import { evaluateCopies } from './copies';
import { evaluateClough } from './clough';
import type { EvalSection, FixtureSet } from './report';

const HELD_OUT = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'heldout');

/** The held-out articles of one check: nothing is tuned on them, so they carry no targets. */
const heldOut = (check: 'figures' | 'dates' | 'copies'): FixtureSet => ({ name: 'held out, reported only', folder: path.join(HELD_OUT, check) });

/** Every evaluation `npm run eval` runs, in the order it prints them. */
export const sections: Array<() => Promise<EvalSection>> = [
  () => evaluateFigures(),
  () => evaluateDates(),
  evaluateSeedDates,
  () => evaluateCopies(),
  () => evaluateClough(),
  () => evaluateFigures(heldOut('figures')),
  () => evaluateDates(heldOut('dates')),
  () => evaluateCopies(heldOut('copies')),
];

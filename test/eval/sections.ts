import { evaluateFigures } from './figures';
import { evaluateDates, evaluateSeedDates } from './dates';
import { evaluateCopies } from './copies';
import { evaluateClough } from './clough';
import type { EvalSection } from './report';

/** Every evaluation `npm run eval` runs, in the order it prints them. */
export const sections: Array<() => Promise<EvalSection>> = [evaluateFigures, evaluateDates, evaluateSeedDates, () => evaluateCopies(), () => evaluateClough()];

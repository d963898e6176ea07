import type { EvalSection } from './report';

/** Every evaluation `npm run eval` runs, in the order it prints them. */
export const sections: Array<() => Promise<EvalSection>> = [];

import type { Prng } from './prng';

/** Word swaps a rewriting desk makes; each pair works in both directions. */
const SYNONYM_PAIRS: Array<[string, string]> = [
  ['said', 'stated'],
  ['says', 'states'],
  ['increase', 'rise'],
  ['increased', 'raised'],
  ['reduce', 'cut'],
  ['important', 'significant'],
  ['program', 'initiative'],
  ['programs', 'initiatives'],
  ['plan', 'proposal'],
  ['jobs', 'positions'],
  ['workers', 'employees'],
  ['children', 'kids'],
  ['help', 'assist'],
  ['country', 'nation'],
  ['people', 'citizens'],
  ['government', 'administration'],
  ['large', 'big'],
  ['many', 'numerous'],
  ['begin', 'start'],
  ['began', 'started'],
  ['buy', 'purchase'],
  ['need', 'require'],
  ['needs', 'requires'],
  ['show', 'demonstrate'],
  ['shows', 'demonstrates'],
  ['problem', 'issue'],
  ['problems', 'issues'],
  ['quickly', 'rapidly'],
  ['strong', 'robust'],
  ['cost', 'price'],
  ['costs', 'prices'],
  ['world', 'globe'],
  ['build', 'construct'],
  ['end', 'finish'],
  ['try', 'attempt'],
  ['use', 'employ'],
  ['enough', 'sufficient'],
  ['chief', 'main'],
  ['goal', 'aim'],
  ['goals', 'aims'],
  ['effort', 'push'],
  ['efforts', 'pushes'],
  ['nearly', 'almost'],
  ['about', 'roughly'],
  ['also', 'additionally'],
  ['however', 'nevertheless'],
  ['economy', 'economic system'],
  ['security', 'safety'],
  ['freedom', 'liberty'],
  ['today', 'this day'],
];

const SYNONYMS = new Map<string, string>();
for (const [a, b] of SYNONYM_PAIRS) {
  SYNONYMS.set(a, b);
  SYNONYMS.set(b, a);
}

/** Sentence openers that are not names, so they may be lower-cased when a clause moves behind another. */
const COMMON_OPENERS = new Set(['The', 'This', 'That', 'These', 'Those', 'We', 'It', 'Our', 'In', 'But', 'And', 'For', 'If', 'When', 'There', 'They', 'Its', 'As', 'Now', 'So', 'With', 'Yet', 'All', 'By', 'At', 'On', 'To']);

function swapWord(word: string): string | undefined {
  const match = /^([A-Za-z]+)(.*)$/.exec(word);
  if (!match) return undefined;
  const [, core, rest] = match;
  const swapped = SYNONYMS.get(core.toLowerCase());
  if (!swapped) return undefined;
  const cased = core[0] === core[0].toUpperCase() ? swapped[0].toUpperCase() + swapped.slice(1) : swapped;
  return cased + rest;
}

/** Moves the clause after the first comma to the front: "A, B." becomes "B, a." */
function reorderClauses(sentence: string): string {
  const comma = sentence.indexOf(', ');
  if (comma < 0 || !/\.$/.test(sentence)) return sentence;
  const first = sentence.slice(0, comma);
  const second = sentence.slice(comma + 2, -1);
  if (first.split(' ').length < 4 || second.split(' ').length < 4) return sentence;
  const opener = first.split(' ')[0];
  const lowered = COMMON_OPENERS.has(opener) ? first[0].toLowerCase() + first.slice(1) : first;
  return `${second[0].toUpperCase()}${second.slice(1)}, ${lowered}.`;
}

/** The same paragraph as a rewriting desk would publish it: synonyms swapped in, clauses reordered. */
export function reword(paragraph: string, rng: Prng): string {
  const sentences = paragraph.split(/(?<=[.!?]["”’]?) +/);
  return sentences
    .map((sentence) => {
      const words = sentence.split(' ').map((w) => (rng.chance(0.7) ? (swapWord(w) ?? w) : w));
      const swapped = words.join(' ');
      return rng.chance(0.5) ? reorderClauses(swapped) : swapped;
    })
    .join(' ');
}

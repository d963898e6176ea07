/**
 * Numbers as news prose writes them. wink-nlp tags "ten" or "4 million" as CARDINAL but reports no value,
 * does not tag every number word (e.g. "Eleven" at a sentence start, fractions such as "a fifth"), and
 * tags some amounts as DURATION or DATE; so values, scale words and units are read here from its tokens.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12,
};

/** Scale words that multiply the number before them: "4 million", "2.3bn", "four thousand". */
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  mn: 1e6, m: 1e6, bn: 1e9, b: 1e9, tn: 1e12, k: 1e3,
};

/** Scale words that may follow digits only: "m" or "k" after a word would be something else. */
const DIGIT_ONLY_SCALES = new Set(['mn', 'm', 'bn', 'b', 'tn', 'k']);

const FRACTIONS: Record<string, number> = {
  half: 1 / 2, halves: 1 / 2, third: 1 / 3, thirds: 1 / 3, quarter: 1 / 4, quarters: 1 / 4, fifth: 1 / 5, fifths: 1 / 5,
  sixth: 1 / 6, sixths: 1 / 6, eighth: 1 / 8, eighths: 1 / 8, tenth: 1 / 10, tenths: 1 / 10,
};

/** The value of a number word ("seven", "dozen"), or undefined. */
export function numberWordValue(normal: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(UNITS, normal) ? UNITS[normal] : undefined;
}

export function scaleValue(normal: string, afterDigits: boolean): number | undefined {
  if (!Object.prototype.hasOwnProperty.call(SCALES, normal)) return undefined;
  if (DIGIT_ONLY_SCALES.has(normal) && !afterDigits) return undefined;
  return SCALES[normal];
}

export function fractionValue(normal: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(FRACTIONS, normal) ? FRACTIONS[normal] : undefined;
}

/** A plain written number: "600", "10,000", "2.41". Not "555-0142", "2-1", "19/2024" or "06:50". */
export function digitValue(value: string): number | undefined {
  if (!/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$/.test(value)) return undefined;
  return Number(value.replace(/,/g, ''));
}

/** A year written as a bare number: four digits, no thousands separator. */
export function looksLikeYear(value: string): boolean {
  if (!/^\d{4}$/.test(value)) return false;
  const year = Number(value);
  return year >= 1800 && year <= 2100;
}

/** Rounds away floating-point noise so equal amounts written differently ("2.3 million", "2,300,000") compare equal. */
export function canonicalValue(value: number): string {
  // Whole numbers of up to 12 digits carry no noise, and most figures are such (toPrecision is slow).
  if (Number.isInteger(value) && Math.abs(value) < 1e12) return String(value);
  return String(Number(value.toPrecision(12)));
}

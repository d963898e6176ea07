/**
 * Units a figure can carry, normalised so that the same quantity written differently ("17%", "17 per cent",
 * "17 percent"; "metric tons", "tonnes") gets the same key. Multi-word units are listed as lower-case word
 * sequences and matched longest first.
 */

const UNIT_PHRASES: Array<[string[], string]> = [
  [['percentage', 'points'], 'percentage point'],
  [['percentage', 'point'], 'percentage point'],
  [['per', 'cent'], '%'],
  [['percent'], '%'],
  [['pct'], '%'],
  [['%'], '%'],
  [['metric', 'tons'], 'tonne'],
  [['metric', 'tonnes'], 'tonne'],
  [['tonnes'], 'tonne'],
  [['tons'], 'tonne'],
  [['square', 'kilometers'], 'km2'],
  [['square', 'kilometres'], 'km2'],
  [['square', 'miles'], 'sq mi'],
  [['square', 'feet'], 'sq ft'],
  [['square', 'meters'], 'm2'],
  [['square', 'metres'], 'm2'],
  [['miles', 'per', 'hour'], 'mph'],
  [['kilometers', 'per', 'hour'], 'km/h'],
  [['kilometres', 'per', 'hour'], 'km/h'],
  [['degrees', 'celsius'], '°C'],
  [['degrees', 'fahrenheit'], '°F'],
  [['degrees'], 'degree'],
  [['kilometers'], 'km'],
  [['kilometres'], 'km'],
  [['kilometer'], 'km'],
  [['kilometre'], 'km'],
  [['km'], 'km'],
  [['miles'], 'mile'],
  [['mile'], 'mile'],
  [['meters'], 'm'],
  [['metres'], 'm'],
  [['feet'], 'ft'],
  [['foot'], 'ft'],
  [['inches'], 'in'],
  [['acres'], 'acre'],
  [['hectares'], 'ha'],
  [['kilograms'], 'kg'],
  [['kg'], 'kg'],
  [['barrels'], 'barrel'],
  [['gallons'], 'gallon'],
  [['liters'], 'l'],
  [['litres'], 'l'],
  [['megawatts'], 'MW'],
  [['gigawatts'], 'GW'],
  [['mph'], 'mph'],
  [['dollars'], 'USD'],
  [['euros'], 'EUR'],
  [['pounds'], 'GBP'],
  [['zlotys'], 'PLN'],
  [['yen'], 'JPY'],
  [['yuan'], 'CNY'],
  [['rupees'], 'INR'],
  [['rubles'], 'RUB'],
  [['roubles'], 'RUB'],
  [['francs'], 'CHF'],
  [['pesos'], 'MXN'],
];

const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', us$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₽': 'RUB' };

/** Units that measure time: "a 38-year wait" or "every 10 minutes" name a span of time, not an amount. */
export const TIME_UNITS = new Set(['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries', 'night', 'nights', 'summer', 'summers', 'winter', 'winters', 'spring', 'springs', 'autumn', 'autumns', 'season', 'seasons']);

export interface UnitMatch {
  unit: string;
  /** Number of tokens the unit spans. */
  length: number;
}

/** The unit starting at `words[0]`, if any (words are lower-cased token values). */
export function matchUnit(words: string[]): UnitMatch | undefined {
  for (const [phrase, unit] of UNIT_PHRASES) {
    if (phrase.length <= words.length && phrase.every((word, i) => words[i] === word)) return { unit, length: phrase.length };
  }
  return undefined;
}

export function currencyOfSymbol(symbol: string): string | undefined {
  const key = symbol.toLowerCase();
  return Object.prototype.hasOwnProperty.call(CURRENCY_SYMBOLS, key) ? CURRENCY_SYMBOLS[key] : undefined;
}

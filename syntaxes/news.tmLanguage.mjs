// Writes news.tmLanguage.json beside this file. The grammar's rules share long regular-expression pieces
// (numbers, months, units, approximators) that JSON cannot name, so they are composed here.
// `node syntaxes/news.tmLanguage.mjs --check` fails when the JSON is not what this file writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const alt = (...parts) => `(?:${parts.join('|')})`;

// Numbers and amounts.
const NUMBER = alt(String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?`, String.raw`\d+(?:\.\d+)?`, String.raw`\.\d+`);
const SCALE = alt('thousand', 'million', 'billion', 'trillion');
/** "3bn", "€40m", "5k": short scales written against the digits. */
const GLUED_SCALE = String.raw`(?:bn|mn|m|k)\b`;
const CURRENCY_SIGN = String.raw`(?:US|A|C|NZ|HK|S|R)?[$€£¥₹₽₩₺]`;
const CURRENCY_CODE = alt('USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CHF', 'RUB', 'KRW', 'INR', 'AUD', 'CAD', 'NZD', 'HKD', 'SGD', 'NOK', 'SEK', 'DKK', 'PLN', 'BRL', 'MXN', 'ZAR', 'TRY');
const CURRENCY_WORD = alt(
  'dollars?', 'euros?', 'pounds?(?: sterling)?', 'yen', 'yuan', 'renminbi', 'rupees?', 'roubles?', 'rubles?', 'won', 'francs?',
  'pesos?', 'reais', 'rand', 'lira', 'dinars?', 'shekels?',
);
const UNIT_WORD = alt(
  'percent', 'per cent', 'percentage points?', 'km', 'kilomet(?:er|re)s?', 'miles?', 'met(?:er|re)s?', 'cm', 'mm', 'm', 'ft', 'feet', 'foot',
  'inch(?:es)?', 'kg', 'kilo(?:gram)?s?', 'grams?', 'tonnes?', 'tons?', 'lbs?', 'hectares?', 'ha', 'acres?',
  'square (?:kilomet(?:er|re)s|miles|met(?:er|re)s|feet)', 'sq km', 'litres?', 'liters?', 'gallons?', 'barrels?', 'bpd',
  'degrees?(?: (?:Celsius|Fahrenheit))?', 'mph', 'km/h', 'kph', 'knots', '[kMGT]Wh?', 'GB', 'TB', 'MB',
);
/** What may follow a number and belong to it: a scale, then a unit, a per cent sign or a currency name. */
const AMOUNT_TAIL = String.raw`(?:${GLUED_SCALE}|\s${SCALE}\b)?(?:\s?%|\s?°[CF]?|\s?${UNIT_WORD}\b|\s${CURRENCY_WORD}\b)?`;
const DIGIT_AMOUNT = String.raw`(?:${CURRENCY_SIGN}\s?|${CURRENCY_CODE}\s?)?${NUMBER}${AMOUNT_TAIL}`;
/** Not part of a code, a fraction of a date or a time ("F-16", "19/2024", "06:50"). */
const NOT_AFTER_TOKEN = String.raw`(?<![\w.,/:$€£¥-])`;
const NOT_BEFORE_TOKEN = String.raw`(?![\w/:]|[.,\-–]\d)`;

const SMALL_NUMBER_WORD = alt(
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen',
  'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
);
const NUMBER_WORD = String.raw`${SMALL_NUMBER_WORD}(?:-(?:one|two|three|four|five|six|seven|eight|nine))?`;
const WORD_SCALE = alt('hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen');
/** Number words an approximator makes a figure of: "about two dozen", "nearly half", "some 300" is digits. */
const WORD_AMOUNT = alt(
  String.raw`${NUMBER_WORD}(?:[ -]${WORD_SCALE})*`,
  String.raw`(?:a|an|one)[ -]${WORD_SCALE}(?:[ -]${WORD_SCALE})*`,
  String.raw`(?:two|three|four)[ -](?:thirds|quarters|fifths)`,
  String.raw`a (?:third|quarter|fifth|half)`,
  'half',
  alt('hundreds', 'thousands', 'millions', 'billions', 'dozens'),
);
const APPROXIMATOR = alt(
  'as many as', 'as much as', 'as few as', 'as little as', 'more than', 'less than', 'fewer than', 'at least', 'at most', 'up to',
  'close to', 'upwards of', 'well over', 'just over', 'just under', 'in excess of', 'an estimated', 'nearly', 'almost', 'about',
  'around', 'roughly', 'approximately', 'some', 'over', 'under',
);

// Dates and times.
const WEEKDAY = alt('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday');
const WEEKDAY_SHORT = String.raw`(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?`;
const MONTH_NAME = alt('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December');
const MONTH = alt(MONTH_NAME, String.raw`(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`);
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const YEAR = String.raw`\d{4}`;
const WEEKDAY_PREFIX = String.raw`(?:(?:${WEEKDAY}|${WEEKDAY_SHORT}),?\s+)?`;
/** A date with a day: "Wednesday, June 19, 2024", "19 June 2024", "Jun 19/2024", "2025-03-04", "4/3/2025". */
const FULL_DATE = alt(
  String.raw`\b${WEEKDAY_PREFIX}${MONTH}\s+${DAY}\b(?:(?:,?\s+|/)${YEAR}\b)?`,
  String.raw`\b${WEEKDAY_PREFIX}(?<![\d,.])${DAY}\s+(?:of\s+)?${MONTH}(?:,?\s+${YEAR})?\b`,
  String.raw`\b\d{4}-\d{2}-\d{2}\b`,
  String.raw`\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b`,
  String.raw`\b\d{1,2}\.\d{1,2}\.\d{4}\b`,
);
const TIME = alt(String.raw`\b\d{1,2}(?::\d{2})?\s?(?:[ap]\.\s?m\.|[ap]m\b|[AP]M\b)`, String.raw`\b(?:[01]?\d|2[0-3]):[0-5]\d\b(?!:)`);
/** Words before a month standing alone that make it a date ("in April") rather than a name ("May said"). */
const MONTH_LEAD = String.raw`(?i)(?<=\bin |\bsince |\buntil |\bby |\bfrom |\bearly |\blate |\blast |\bnext |\bthis |\bof |\bthrough |\bto |\band |\bmid-)(?-i)`;
const YEAR_ALONE = String.raw`${NOT_AFTER_TOKEN}(?:1[6-9]\d\d|20\d\d)s?(?![\w%/:-]|[.,]\d)(?!\s?(?:${UNIT_WORD}|${CURRENCY_WORD}|${SCALE})\b)`;

// Lines.
/** A name in a byline: two or more capitalised words ("Jane Smith", "Ana de la Cruz"), or an agency in capitals. */
const NAME_WORD = String.raw`[A-Z][\w.'’-]*`;
const NAME = alt(String.raw`(?!(?:${WEEKDAY}|${MONTH_NAME})\b)${NAME_WORD}(?:\s+(?:${NAME_WORD}|de|da|di|van|von|der|del|la|le|bin|al|el)){1,5}`, '[A-Z]{2,}');
const PLACE_WORD = String.raw`[A-Z][\w.'’-]*`;
/** "VALDERA, March 4, 2025 —", "SAN JOSE, Costa Rica (AP), June 3 —": the wire dateline opening a story. */
const WIRE_DATELINE = String.raw`\s*${PLACE_WORD}(?:\s+${PLACE_WORD}){0,3}(?:,\s+${PLACE_WORD}(?:\s+${PLACE_WORD}){0,2})?(?:\s*\([^)]{1,40}\))?,\s+${alt(FULL_DATE, `${MONTH}\\s+${DAY}`)}\s*(?:—|–|--|-)`;
const DATELINE_LABEL = String.raw`(?i:(?:first\s+)?(?:posted|published|updated)(?:\s+at|\s+on)?|last\s+updated|post\s+at|dated?)\s*:?\s*`;
/** A date on a line of its own, with at most a label before it and a time or zone after it. */
const DATELINE_ALONE = String.raw`^\s*(?:${DATELINE_LABEL})?${FULL_DATE}(?:\s*(?:[|·•,]\s*)?(?:at\s+)?${TIME})?(?:\s*\(?[A-Z]{2,5}\)?)?\s*$`;
/** Page furniture copied along with an article: it is not the story. */
const DEBRIS = alt(
  String.raw`(?:click|tap) here\b`, String.raw`subscribe\b`, String.raw`sign up (?:for|to|now|here)\b`, 'popular posts from this blog',
  '(?:latest|top|more) (?:stories|news|posts|articles|headlines)', 'related (?:articles?|stories|posts|coverage|content|news)',
  String.raw`read more\b`, 'continue reading', String.raw`advertisement\s*$`, String.raw`sponsored(?: content)?\s*$`,
  String.raw`share (?:this|on)\b`, String.raw`follow us\b`, 'all rights reserved', String.raw`(?:copyright|©)\s*(?:©\s*)?\d{4}`,
  'skip to (?:main )?content', 'you (?:may|might) also like', 'recommended (?:for you|stories|articles|reading|videos)',
  'most (?:read|popular|viewed|shared)', String.raw`trending(?: now| stories)?\s*:?\s*$`, 'leave a (?:comment|reply)',
  String.raw`\d+ comments?\s*$`, String.raw`comments?\s*$`, String.raw`(?:sign up for )?(?:our|the) newsletter\b`, 'tags?:',
  String.raw`filed under\b`, 'back to top', String.raw`print this\b`, String.raw`email this\b`, String.raw`\d+ of \d+\s*$`,
);

const ATTRIBUTION = alt(
  String.raw`\b(?i:according to)\b`,
  String.raw`(?<!\ban |\ba |\bthe |\bto |\bis |\bare |\bwas |\bwere |\bbe |\bbeen |\bbeing )\b(?:said|says|say|saying|told|tells|telling|reported|reports|reporting|estimated|estimates|announced|confirmed|wrote|explained|citing|cited|testified|disclosed|acknowledged|insisted|argued|predicted|forecast|calculated|revealed)\b`,
  // These have plain meanings too ("the line added four stations", "warned of delays"): only next to speech.
  String.raw`(?<=[,"”] )(?:added|noted|claimed|stated|warned)\b`,
  String.raw`\b(?:added|noted|claimed|stated|warned)(?=[.,;:"”]|\s+that\b)`,
);

const DATE_SCOPE = 'variable.other.constant.news constant.other.date.news';
const TIME_SCOPE = 'variable.other.constant.news constant.other.time.news';
const FIGURE_SCOPE = 'constant.numeric.figure.news';
const blankLine = String.raw`(?=^\s*$)`;

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'News Article',
  scopeName: 'text.news',
  patterns: [{ include: '#top' }, { include: '#lines' }, { include: '#inline' }],
  repository: {
    top: {
      comment: 'From the start of the document to its first line of text, the headline. Datelines, bylines and page furniture above it are skipped; a story that opens with a wire dateline has no headline.',
      begin: String.raw`\A`,
      // The wire dateline is consumed here, not left to a lookahead: a rule that begins and ends at one position without advancing stops the line.
      end: String.raw`^(${WIRE_DATELINE})|^\s*(\S.*?)\s*$`,
      endCaptures: { 1: { name: 'markup.heading.dateline.news' }, 2: { name: 'markup.heading.news', patterns: [{ include: '#inline' }] } },
      applyEndPatternLast: true,
      patterns: [{ include: '#dateline-alone' }, { include: '#byline' }, { include: '#debris' }],
    },
    lines: { patterns: [{ include: '#dateline-alone' }, { include: '#dateline-wire' }, { include: '#byline' }, { include: '#debris' }] },
    'dateline-alone': { match: DATELINE_ALONE, name: 'markup.heading.dateline.news' },
    'dateline-wire': { match: `^${WIRE_DATELINE}`, name: 'markup.heading.dateline.news' },
    byline: {
      match: String.raw`^\s*(By|BY)\s+(${NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)${NAME}){0,5})(\s*(?:[,|/—–-]|\band\b)\s*[^.!?]{0,60})?\s*$`,
      name: 'meta.byline.news',
      captures: { 1: { name: 'keyword.other.byline.news' }, 2: { name: 'entity.name.tag.byline.news' } },
    },
    debris: { match: String.raw`^\s*(?i:${DEBRIS})(?=.{0,100}$).*$`, name: 'comment.line.debris.news' },
    inline: { patterns: [{ include: '#link' }, { include: '#quotes' }, { include: '#attribution' }, { include: '#values' }] },
    values: { patterns: [{ include: '#link' }, { include: '#time' }, { include: '#date' }, { include: '#figure' }] },
    link: { match: String.raw`(?i:\b(?:https?://|www\.)[^\s<>"“”‘’()\[\]]*[^\s<>"“”‘’()\[\].,;:!?'])`, name: 'markup.underline.link.news' },
    attribution: { match: ATTRIBUTION, name: 'keyword.other.attribution.news' },
    time: { match: TIME, name: TIME_SCOPE },
    date: {
      patterns: [
        { match: FULL_DATE, name: DATE_SCOPE },
        { match: String.raw`\b${MONTH_NAME},?\s+${YEAR}\b`, name: DATE_SCOPE },
        { match: String.raw`\b(?:(?i:last|next|this|(?:earlier|later) this)\s+)?${WEEKDAY}s?\b`, name: DATE_SCOPE },
        { match: `${MONTH_LEAD}${MONTH_NAME}\\b`, name: DATE_SCOPE },
        { match: String.raw`\b(?i:yesterday|today|tomorrow|tonight)\b`, name: DATE_SCOPE },
        { match: String.raw`\b(?i:(?:last|next|this|(?:earlier|later) this)\s+(?:week|month|year|weekend|spring|summer|autumn|fall|winter))\b`, name: DATE_SCOPE },
        { match: String.raw`\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+(?:days?|weeks?|months?|years?|decades?)\s+ago\b`, name: DATE_SCOPE },
        { match: YEAR_ALONE, name: DATE_SCOPE },
      ],
    },
    figure: {
      patterns: [
        { match: String.raw`\b(?i:${APPROXIMATOR})\s+(?:${DIGIT_AMOUNT}${NOT_BEFORE_TOKEN}|${WORD_AMOUNT}\b(?:\s(?:${CURRENCY_WORD}|${UNIT_WORD})\b)?)`, name: FIGURE_SCOPE },
        { match: String.raw`\b(?i:(?:tens|hundreds) of (?:thousands|millions|billions)|(?:thousands|millions|billions|hundreds|dozens|tens)(?= of\b))`, name: FIGURE_SCOPE },
        { match: String.raw`\b(?i:${NUMBER_WORD}|an?|one)[ -]${WORD_SCALE}s?\b(?:[ -]${WORD_SCALE}\b)*(?:\s(?:${CURRENCY_WORD}|${UNIT_WORD})\b)?`, name: FIGURE_SCOPE },
        { match: `${NOT_AFTER_TOKEN}${DIGIT_AMOUNT}${NOT_BEFORE_TOKEN}`, name: FIGURE_SCOPE },
      ],
    },
    quotes: { patterns: [{ include: '#quote-curly' }, { include: '#quote-straight' }, { include: '#quote-single-curly' }] },
    'quote-curly': {
      comment: 'A paragraph left open continues a quotation into the next one, which reopens it with a mark; a blank line ends it whatever happens.',
      begin: '“',
      end: `”|${blankLine}`,
      name: 'string.quoted.double.news',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.news' } },
      endCaptures: { 0: { name: 'punctuation.definition.string.end.news' } },
      patterns: [{ match: '“', name: 'punctuation.definition.string.continued.news' }, { include: '#nested-single' }, { include: '#values' }],
    },
    'quote-straight': {
      comment: 'A straight mark at the start of a line inside a quotation reopens it (the next paragraph of the same speech) rather than closing it. Not after a digit: 5\'10" is a height.',
      begin: String.raw`(?<!\d)"`,
      end: `"|${blankLine}`,
      applyEndPatternLast: true,
      name: 'string.quoted.double.news',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.news' } },
      endCaptures: { 0: { name: 'punctuation.definition.string.end.news' } },
      patterns: [{ match: String.raw`^\s*"`, name: 'punctuation.definition.string.continued.news' }, { include: '#nested-single' }, { include: '#values' }],
    },
    'quote-single-curly': {
      comment: 'British style: single marks outside, double inside. Straight single marks are left alone at this level: they are apostrophes far more often.',
      begin: String.raw`(?<![\w’])‘(?=\S)`,
      end: String.raw`’(?!\w)|${blankLine}`,
      name: 'string.quoted.single.news',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.news' } },
      endCaptures: { 0: { name: 'punctuation.definition.string.end.news' } },
      patterns: [{ include: '#quote-curly' }, { include: '#values' }],
    },
    'nested-single': {
      patterns: [
        {
          begin: '‘',
          end: String.raw`’(?!\w)|(?=[”"])|${blankLine}`,
          name: 'string.quoted.single.news',
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.news' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.news' } },
          patterns: [{ include: '#values' }],
        },
        {
          begin: String.raw`(?<![\w'’])'(?=\w)`,
          end: String.raw`'(?!\w)|(?=[”"])|$`,
          name: 'string.quoted.single.news',
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.news' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.news' } },
          patterns: [{ include: '#values' }],
        },
      ],
    },
  },
};

const target = fileURLToPath(new URL('./news.tmLanguage.json', import.meta.url));
const json = `${JSON.stringify(grammar, null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is out of date like any other.
  }
  if (current !== json) {
    console.error(`${target} is out of date: run node syntaxes/news.tmLanguage.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(target, json);
}

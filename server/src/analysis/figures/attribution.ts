import type { Article } from '../article';
import { appendTo } from '../maps';
import { SentenceWords } from '../sentenceWords';
import type { Tokens } from '../tokens';
import type { Span } from '../types';
import { canonicalValue } from './numbers';
import { figureKey, type FigureMention } from './findFigures';
import { findQuotations, quotationAt, quotedWords, type Quotation } from './quotations';

/** How a figure is credited: in its sentence, by a credited quotation, by the previous sentence, elsewhere in the article, or (in a headline) by the body. */
export type AttributionKind = 'sentence' | 'quote' | 'continuation' | 'article' | 'headline';

export interface Attribution {
  kind: AttributionKind;
  /** The source as the article words it ("a US declaration in February"), when one can be quoted. */
  source?: string;
}

/** A sentence's claim that someone said, counted or reported what it contains. */
interface Cue {
  /** The part of the sentence the cue speaks for: all of it, unless the verb sits in a clause like "after X reported…". */
  scope: Span;
  source?: string;
  /** The source is a bare pronoun ("it", "she"), to be resolved from earlier sentences when quoted. */
  pronoun: boolean;
  /** Credits a quotation but not a paraphrase ("asked", "shouted"). */
  quoteOnly: boolean;
  /**
   * The subject is itself a count ("Another 11 percent said…"): the people counted speak, and the one who
   * counted them stays unnamed, so the next sentence inherits no source from it.
   */
  counted?: boolean;
}

/**
 * Verbs that credit what a sentence says to their subject. Kept by lemma; wink's tagger often calls a
 * sentence-initial "Figures show" a noun, so a form that is plainly a verb ("said", "-ed") counts whatever the tag.
 */
const REPORTING = new Set([
  'say', 'tell', 'state', 'announce', 'add', 'note', 'write', 'confirm', 'disclose', 'cite', 'claim', 'warn', 'explain', 'testify',
  'acknowledge', 'admit', 'argue', 'insist', 'assert', 'estimate', 'calculate', 'project', 'forecast', 'predict', 'expect', 'put',
  'peg', 'count', 'tally', 'record', 'track', 'identify', 'document', 'log', 'detect', 'register', 'report', 'publish', 'find',
  'show', 'suggest', 'indicate', 'reveal', 'conclude',
]);
/** Verbs of speech that credit a quotation but say nothing about who vouches for a paraphrased number. */
const QUOTE_ONLY = new Set(['ask', 'shout', 'reply', 'recall', 'complain', 'remark', 'comment', 'tweet', 'post', 'joke', 'plead', 'recount', 'describe', 'continue']);
/** Verbs that report a finding only with "that" after them or a study, survey or data set as subject ("the city found $75 million" is no finding). */
const EVIDENCE = new Set(['find', 'show', 'suggest', 'indicate', 'reveal', 'conclude']);
/** Verbs whose object, when it is the number itself, is no report: "the extension adds four stations", "the storm claimed 40 lives". */
const NOT_WITH_FIGURE_OBJECT = new Set(['add', 'claim']);
const RESEARCH_NOUNS = new Set([
  'survey', 'study', 'poll', 'report', 'analysis', 'data', 'figures', 'figure', 'records', 'record', 'research', 'review', 'audit',
  'census', 'statistics', 'investigation', 'researchers', 'scientists', 'estimates', 'documents', 'filings', 'filing', 'tally',
  'inquiry', 'assessment', 'count', 'paper', 'models', 'model',
]);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);
const SUBORDINATORS = new Set(['after', 'before', 'when', 'because', 'since', 'until', 'once', 'if', 'although', 'though', 'whereas', 'unless', 'while']);
const CLAUSE_OPENERS = new Set([...SUBORDINATORS, 'that', 'which', 'who']);
const QUOTE_MARKS = new Set(['"', '“', '”']);
const PHRASE_STOPS = new Set([',', '.', ';', ':', '(', ')', '—', '–', '!', '?', '"', '“', '”']);
const MAX_SOURCE_TOKENS = 12;
/**
 * How far back from its verb, in tokens, a subject is looked for. Sentences of news run to about a
 * hundred tokens, so this reaches the start of any clause of prose; without it, each verb of a sentence
 * of tens of thousands of tokens (no prose has one) would read back to its start.
 */
const MAX_SUBJECT_REACH = 200;
const HEADLINE_WORDS = 20;

interface SentenceTokens {
  sentence: number;
  words: SentenceWords;
  /** Per position: inside a quotation. */
  quoted: boolean[];
}

/** Decides, for each figure of an article, who (if anyone) the article credits for it. */
export function attributeFigures(article: Article, figures: readonly FigureMention[]): Array<Attribution | undefined> {
  return new AttributionReader(article).attribute(figures);
}

class AttributionReader {
  private readonly quotations: readonly Quotation[];
  private readonly cueCache = new Map<number, Cue[]>();
  private readonly transcript: Map<number, string | undefined>;
  /** The paragraphs each chain of quotations runs over, by the chain's first paragraph. */
  private readonly chains = new Map<number, Set<number>>();
  /** Speakers found so far: a quotation holding many figures is credited once. */
  private readonly speakers = new Map<Quotation, { source?: string } | undefined>();
  /** By sentence, the source last named before it in its paragraph. */
  private readonly named = new Map<number, string | undefined>();

  constructor(private readonly article: Article) {
    this.quotations = findQuotations(article);
    this.transcript = transcriptParagraphs(article);
    for (const quotation of this.quotations) {
      const chain = this.chains.get(quotation.chainStart) ?? new Set([quotation.chainStart]);
      chain.add(quotation.paragraph);
      this.chains.set(quotation.chainStart, chain);
    }
  }

  attribute(figures: readonly FigureMention[]): Array<Attribution | undefined> {
    const direct = figures.map((figure) => this.direct(figure));
    const sourcedKeys = new Set<string>();
    const sourcedValues = new Set<string>();
    figures.forEach((figure, i) => {
      if (!direct[i] || this.inHeadline(figure)) return;
      const key = figureKey(figure);
      if (key) sourcedKeys.add(key);
      sourcedValues.add(canonicalValue(figure.value));
    });
    return figures.map((figure, i) => {
      if (direct[i]) return direct[i];
      const key = figureKey(figure);
      // Once credited, a figure needs no source each time the article repeats it.
      if (key && sourcedKeys.has(key)) return { kind: 'article' };
      // Headlines never name sources; the body does.
      if (this.inHeadline(figure) && sourcedValues.has(canonicalValue(figure.value))) return { kind: 'headline' };
      return undefined;
    });
  }

  private direct(figure: FigureMention): Attribution | undefined {
    const paragraph = this.article.sentences[figure.sentence].paragraph;
    if (this.transcript.has(paragraph)) return { kind: 'quote', source: this.transcript.get(paragraph) };
    const quotation = quotationAt(this.quotations, figure.span.start);
    if (quotation) {
      if (!this.speakers.has(quotation)) this.speakers.set(quotation, this.quotationSpeaker(quotation));
      const speaker = this.speakers.get(quotation);
      if (speaker) return { kind: 'quote', source: speaker.source };
    }
    const own = this.cues(figure.sentence).find((cue) => !cue.quoteOnly && cue.scope.start <= figure.span.start && figure.span.end <= cue.scope.end);
    if (own) return { kind: 'sentence', source: this.resolve(figure.sentence, own) };
    const previous = figure.sentence - 1;
    if (previous >= 0 && this.article.sentences[previous].paragraph === this.article.sentences[figure.sentence].paragraph) {
      const carried = this.cues(previous).find((cue) => !cue.quoteOnly && !cue.counted);
      if (carried) return { kind: 'continuation', source: this.resolve(previous, carried) };
    }
    return undefined;
  }

  /** A headline: the article's first paragraph, one short sentence, with more text below it. */
  private inHeadline(figure: FigureMention): boolean {
    const sentence = this.article.sentences[figure.sentence];
    if (sentence.paragraph !== 0 || this.article.paragraphs.length < 2) return false;
    const paragraph = this.article.paragraphs[0];
    if (paragraph.sentenceEnd - paragraph.sentenceStart !== 1) return false;
    let words = 0;
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) if (this.article.tokens.type(t) === 'word') words++;
    return words <= HEADLINE_WORDS;
  }

  /** Who a quotation is credited to: a speech verb outside the quotation marks in any paragraph it spans, or a lead-in ending with a colon. */
  private quotationSpeaker(quotation: Quotation): { source?: string } | undefined {
    const paragraphs = new Set<number>(this.chains.get(quotation.chainStart));
    const leadIn = this.article.paragraphs[quotation.chainStart - 1];
    if (leadIn && /:\s*$/.test(this.article.text.slice(leadIn.start, leadIn.end))) paragraphs.add(leadIn.index);
    let credited: { source?: string } | undefined;
    for (const index of [...paragraphs].sort((a, b) => a - b)) {
      const paragraph = this.article.paragraphs[index];
      for (let s = paragraph.sentenceStart; s < paragraph.sentenceEnd; s++) {
        for (const cue of this.cues(s)) {
          const source = this.resolve(s, cue);
          if (source) return { source };
          credited ??= {};
        }
      }
    }
    return credited;
  }

  /**
   * The cue's source with a pronoun replaced by the last named source earlier in the paragraph. Further
   * back, "it" may as well be a company as the agency quoted three sentences before, so it stays unnamed.
   */
  private resolve(sentence: number, cue: Cue): string | undefined {
    return cue.pronoun ? this.namedBefore(sentence) : cue.source;
  }

  /**
   * The source last named in the paragraph before `sentence`. Remembered for every sentence passed on the
   * way back, so a paragraph of many sentences that each say "she said" is read back once, not once each.
   */
  private namedBefore(sentence: number): string | undefined {
    const first = this.article.paragraphs[this.article.sentences[sentence].paragraph].sentenceStart;
    const passed: number[] = [];
    let source: string | undefined;
    for (let s = sentence; s > first; s--) {
      if (this.named.has(s)) {
        source = this.named.get(s);
        break;
      }
      passed.push(s);
      source = this.cues(s - 1).find((c) => !c.pronoun && c.source)?.source;
      if (source !== undefined) break;
    }
    for (const s of passed) this.named.set(s, source);
    return source;
  }

  private cues(sentence: number): Cue[] {
    let cached = this.cueCache.get(sentence);
    if (!cached) {
      cached = this.findCues(this.sentenceTokens(sentence));
      this.cueCache.set(sentence, cached);
    }
    return cached;
  }

  private sentenceTokens(sentence: number): SentenceTokens {
    const { tokenStart, tokenEnd } = this.article.sentences[sentence];
    const words = new SentenceWords(this.article.tokens, tokenStart, tokenEnd);
    return { sentence, words, quoted: quotedWords(words, this.quotations) };
  }

  private findCues(view: SentenceTokens): Cue[] {
    const cues: Cue[] = [];
    const whole = this.article.sentences[view.sentence];
    const { words } = view;
    for (let p = 0; p < words.length; p++) {
      if (view.quoted[p]) continue;
      const word = words.normal(p);
      if (word === 'according' && words.normal(p + 1) === 'to') {
        cues.push(this.cue(whole, this.phraseAfter(view, p + 2)));
      } else if (word === 'citing') {
        cues.push(this.cue(whole, this.phraseAfter(view, p + 1)));
      } else if (word === 'source' && words.normal(p - 1) === '(' && words.normal(p + 1) === ':') {
        // A citation typed in place: "(source: Port of Gdansk)"; an empty one is a reminder, not a source.
        const named = this.phraseAfter(view, p + 2);
        if (named.tokens > 0) cues.push(this.cue(whole, named));
      } else if (isReportingVerb(words.tokens, words.index[p])) {
        const cue = this.verbCue(view, p);
        if (cue) cues.push(cue);
      }
    }
    return cues;
  }

  private cue(scope: Span, phrase: Phrase, quoteOnly = false): Cue {
    return { scope: { start: scope.start, end: scope.end }, source: phrase.text, pronoun: phrase.pronoun, quoteOnly };
  }

  private verbCue(view: SentenceTokens, p: number): Cue | undefined {
    const { words } = view;
    const lemma = words.lemma(p).toLowerCase();
    const quoteOnly = QUOTE_ONLY.has(lemma);
    const before = words.normal(p - 1);
    // "an estimated 5,000", "stronger-than-expected": adjectives, not reports; "declined to say", "likes to say": no one says anything.
    if (before === 'a' || before === 'an' || before === 'the' || before === '-' || before === 'to') return undefined;
    let q = p - 1;
    while (q >= 0 && !view.quoted[q] && (words.pos(q) === 'ADV' || words.pos(q) === 'PART')) q--;
    const passive = BE_FORMS.has(words.normal(q));
    if (passive) {
      // "were reported", "is estimated": no one is credited unless "by" names them.
      const by = [1, 2, 3].map((d) => p + d).find((i) => words.normal(i) === 'by');
      return by === undefined ? undefined : this.cue(this.article.sentences[view.sentence], this.phraseAfter(view, by + 1), quoteOnly);
    }
    const next = words.pos(p + 1);
    // "of confirmed measles cases", "the reported deaths": a participle used as an adjective.
    if (next === 'NOUN' && ['DET', 'ADP', 'ADJ', 'NUM'].includes(words.pos(p - 1))) return undefined;
    if (NOT_WITH_FIGURE_OBJECT.has(lemma) && words.has(p + 1) && (words.type(p + 1) === 'number' || next === 'NUM' || next === 'DET' || next === 'NOUN' || next === 'ADJ')) return undefined;
    if (lemma === 'put' && ![1, 2, 3, 4, 5, 6].some((d) => words.normal(p + d) === 'at')) return undefined;
    // "a fee reported at 4 million pounds": a participle after its noun, not a report.
    if (words.pos(p - 1) === 'NOUN' && words.normal(p + 1) === 'at' && words.normal(p + 2) !== 'least' && words.normal(p + 2) !== 'most') return undefined;

    const sentence = this.article.sentences[view.sentence];
    // '"…," said Rosa Delgado' and '…, said the union.' name the speaker after the verb.
    const after = this.phraseAfter(view, p + 1);
    const inverted = QUOTE_MARKS.has(before) || (before === ',' && !after.hasVerb && !after.counted);
    const phrase = inverted ? after : this.subjectBefore(view, p);
    if (!phrase.hasNoun) return undefined;
    if (EVIDENCE.has(lemma) && words.normal(p + 1) !== 'that' && !phrase.research) return undefined;
    // What follows the clause's verb (its object, an appended ", roughly a third of …") stays in scope; what comes before the clause does not.
    const scope = phrase.subordinator === undefined ? sentence : { start: words.start(phrase.subordinator), end: sentence.end };
    return { scope, source: phrase.counted ? undefined : phrase.text, pronoun: phrase.pronoun, quoteOnly, counted: phrase.counted };
  }

  private phraseAfter(view: SentenceTokens, from: number): Phrase {
    let end = from;
    const { words } = view;
    while (end < words.length && end - from < MAX_SOURCE_TOKENS && !PHRASE_STOPS.has(words.value(end))) end++;
    if (end < words.length && end - from >= MAX_SOURCE_TOKENS && !PHRASE_STOPS.has(words.value(end))) {
      return { ...this.phrase(view, from, end), text: undefined };
    }
    return this.phrase(view, from, end);
  }

  /**
   * The subject before a verb: the words back to the start of its clause. An appositive ("Dr. Lena Fischer,
   * the county's health officer, said") leaves nothing between the last comma and the verb, so the name
   * before the first comma is taken instead. A verb in a relative or subordinate clause ("a shortfall that
   * officials had put at…", "rose 12 percent after the retailer reported…") speaks for that clause only,
   * so the word opening the clause is returned with the phrase.
   */
  private subjectBefore(view: SentenceTokens, p: number): Phrase {
    const { words } = view;
    const isStop = (q: number): boolean => view.quoted[q] || PHRASE_STOPS.has(words.value(q)) || CLAUSE_OPENERS.has(words.normal(q));
    const floor = Math.max(0, p - MAX_SUBJECT_REACH);
    let end = p;
    while (end > floor && !view.quoted[end - 1] && ['ADV', 'AUX', 'PART'].includes(words.pos(end - 1))) end--;
    let start = end;
    while (start > floor && !isStop(start - 1)) start--;
    if (start === end && end > floor && words.value(end - 1) === ',') {
      let clause = end - 1;
      while (clause > floor && !view.quoted[clause - 1] && ![';', ':', '—', '–', '"', '“', '”'].includes(words.value(clause - 1))) clause--;
      start = clause;
      end = clause;
      while (end < p && !isStop(end)) end++;
    }
    const subordinator = start > 0 && CLAUSE_OPENERS.has(words.normal(start - 1)) ? start - 1 : undefined;
    while (start < end && ['CCONJ', 'SCONJ', 'ADP'].includes(words.pos(start))) start++;
    const phrase = this.phrase(view, start, end);
    return { ...phrase, text: end - start > MAX_SOURCE_TOKENS ? undefined : phrase.text, subordinator };
  }

  private phrase(view: SentenceTokens, from: number, to: number): Phrase {
    if (to <= from) return { tokens: 0, hasNoun: false, hasVerb: false, pronoun: false, research: false };
    const { words } = view;
    const some = (test: (p: number) => boolean): boolean => {
      for (let p = from; p < to; p++) if (test(p)) return true;
      return false;
    };
    return {
      text: this.article.text.slice(words.start(from), words.end(to - 1)),
      tokens: to - from,
      hasNoun: some((p) => words.pos(p) === 'NOUN' || words.pos(p) === 'PROPN' || words.pos(p) === 'PRON'),
      hasVerb: some((p) => words.pos(p) === 'VERB' || words.pos(p) === 'AUX'),
      pronoun: to - from === 1 && PRONOUNS.has(words.normal(from)),
      research: some((p) => RESEARCH_NOUNS.has(words.normal(p))),
      counted: some((p) => words.type(p) === 'number' || words.pos(p) === 'NUM'),
    };
  }
}

const ANSWER = /^A[:.]\s/;
const QUESTION = /^Q[:.]\s/;
const SPEAKER_LABEL = /^([A-Z][A-Za-z'’.-]+(?: [A-Z][A-Za-z'’.-]+){0,2}):\s/;

/**
 * Paragraphs of an interview transcript, with the speaker where the label names one: answers ("A: …") in
 * an article that also has questions ("Q: …"), and paragraphs opening with a speaker's name and a colon
 * when the same name opens at least two paragraphs ("OKONKWO: …"). What they say is quoted speech.
 */
function transcriptParagraphs(article: Article): Map<number, string | undefined> {
  const openings = article.paragraphs.map((p) => article.text.slice(p.start, Math.min(p.end, p.start + 60)));
  const answers = new Map<number, string | undefined>();
  if (openings.some((o) => QUESTION.test(o))) openings.forEach((o, i) => ANSWER.test(o) && answers.set(i, undefined));
  const labels = new Map<string, number[]>();
  openings.forEach((o, i) => {
    const label = SPEAKER_LABEL.exec(o)?.[1];
    if (label && label !== 'Q' && label !== 'A') appendTo(labels, label, i);
  });
  for (const [label, paragraphs] of labels) if (paragraphs.length >= 2) for (const i of paragraphs) answers.set(i, label);
  return answers;
}

interface Phrase {
  text?: string;
  tokens: number;
  hasNoun: boolean;
  hasVerb: boolean;
  pronoun: boolean;
  research: boolean;
  counted?: boolean;
  /** Position of "after", "when"… that opens the clause the phrase is the subject of. */
  subordinator?: number;
}

function isReportingVerb(tokens: Tokens, t: number): boolean {
  const lemma = tokens.lemma(t).toLowerCase();
  if (!REPORTING.has(lemma) && !QUOTE_ONLY.has(lemma)) return false;
  const normal = tokens.normal(t);
  return tokens.pos(t) === 'VERB' || /ed$/.test(normal) || ['said', 'says', 'told', 'tells', 'wrote', 'found', 'shown'].includes(normal);
}

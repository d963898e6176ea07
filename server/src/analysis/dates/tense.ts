/**
 * What a clause says about time: whether what a date is tied to lies ahead of the dateline. The words are
 * wink's tokens and part-of-speech tags; English has no future form of its own, so the auxiliaries before
 * a verb ("will", "is due to", "could") and the form of the verb ("stayed", "has promised") decide.
 */
import type { Article } from '../article';
import type { Clauses, Segment, TokenTest } from './clauses';
import { FUTURE_BEFORE_TO, FUTURE_WORDS, LIGHT_VERBS, MODALS } from './lexicon';
import type { TemporalExpression } from './temporal';

const MAX_AUXILIARY_DISTANCE = 5;
/** Verbs followed by the -ing form of the one that says what happened: "began lifting", "kept searching". */
const ASPECT_VERBS = new Set(['begin', 'start', 'continue', 'keep', 'finish', 'stop', 'resume']);

/** A verb that tells what happened, as opposed to a light verb ("took place", "was held"). */
export function isContentVerb(article: Article, t: number): boolean {
  const { tokens } = article;
  if (tokens.pos(t) === 'VERB') return !LIGHT_VERBS.has(tokens.lemma(t));
  // "began lifting the wreckage": wink may tag the -ing form a noun, but after "began" it is the verb.
  return t > 0 && tokens.pos(t - 1) === 'VERB' && ASPECT_VERBS.has(tokens.lemma(t - 1)) && tokens.normal(t).endsWith('ing');
}

export function isAnyVerb(article: Article, t: number): boolean {
  return article.tokens.pos(t) === 'VERB';
}

/** An event word is future when its own auxiliaries say so: "will sign", "is due to meet", "could happen". */
export function isFutureAt(article: Article, head: number, floor: number): boolean {
  for (let t = head - 1; t >= Math.max(floor, head - MAX_AUXILIARY_DISTANCE); t--) {
    if (marksFuture(article, t)) return true;
    if (article.tokens.pos(t) === 'PUNCT' || isContentVerb(article, t)) break;
  }
  return false;
}

function marksFuture(article: Article, t: number): boolean {
  const { tokens } = article;
  const normal = tokens.normal(t);
  const next = t + 1 < tokens.length ? tokens.normal(t + 1) : undefined;
  if (FUTURE_WORDS.has(normal)) return true;
  // "could have left on Monday" looks back; "may have to cancel its sailing on Friday" does not.
  if (MODALS.has(normal)) return next !== 'have' || (t + 2 < tokens.length && tokens.normal(t + 2) === 'to');
  return FUTURE_BEFORE_TO.has(normal) && next === 'to';
}

export function hasWordBefore(article: Article, t: number, floor: number, distance: number, test: (normal: string) => boolean): boolean {
  for (let i = t - 1; i >= Math.max(floor, t - distance); i--) if (test(article.tokens.normal(i))) return true;
  return false;
}

/**
 * A date no event word claims is future when its clause says so, unless the verb it follows is in the
 * past, as English puts a time after its verb: in "a plant that passed an inspection in June could burn",
 * June is when it passed, whatever "could" says of the rest; "snow forecast for the weekend could hamper"
 * is future, "forecast" being no past form.
 */
export function isFutureUnattached(article: Article, clauses: Clauses, expression: TemporalExpression, home: Segment): boolean {
  const verb = verbBefore(article, clauses, expression, home);
  if (verb !== undefined) {
    if (isFutureAt(article, verb, home[0])) return true;
    if (isPastForm(article, verb) && !hasWordBefore(article, verb, home[0], MAX_AUXILIARY_DISTANCE, (n) => PERFECT_AUXILIARIES.has(n))) return false;
  }
  if (clauses.marks(marksFuture).any(home[0], home[1])) return true;
  // "expects to publish a report by April, with its findings in June": a clause without a verb goes on
  // in the tense of the one before it.
  const index = clauses.indexOf(expression.tokenStart);
  const previous = index > 0 && !clauses.marks(isAnyVerb).any(home[0], home[1]) ? clauses.segments[index - 1] : undefined;
  return previous !== undefined && clauses.marks(marksFuture).any(previous[0], previous[1]);
}

export function isFutureVerbBefore(article: Article, clauses: Clauses, expression: TemporalExpression, home: Segment): boolean {
  const verb = verbBefore(article, clauses, expression, home);
  return verb !== undefined && isFutureAt(article, verb, home[0]);
}

/**
 * The verb a date follows in its clause, at the first verb of its chain ("would stay closed until
 * Saturday": stay, after its auxiliaries). A verb before "that" or "who" is another clause's: "warned
 * that snow forecast for the weekend could hamper".
 */
function verbBefore(article: Article, clauses: Clauses, expression: TemporalExpression, home: Segment): number | undefined {
  let verb = lastBeforeInOwnClause(clauses, isAnyVerb, expression, home);
  if (verb === undefined) return undefined;
  while (verb > home[0] && isAnyVerb(article, verb - 1)) verb--;
  return verb;
}

/**
 * The last token passing `test` between the start of the date's own clause and the date: after any
 * "that" or "who" that opens a clause inside `home`, since what stands before it is another clause's.
 */
export function lastBeforeInOwnClause(clauses: Clauses, test: TokenTest, expression: TemporalExpression, home: Segment): number | undefined {
  const opener = clauses.marks(opensClause).last(home[0], expression.tokenStart);
  return clauses.marks(test).last(opener ?? home[0], expression.tokenStart);
}

/** Tokens between "until" or "by" and the date it bounds: "until at least Wednesday", "by the end of October". */
const MAX_DEADLINE_DISTANCE = 3;
const DEADLINE_WORDS = new Set(['until', 'till', 'by']);
const PAST_AUXILIARIES = new Set(['had', 'was', 'were', 'did']);
/** Before a past participle, these make it no past tense: "has passed", "will have signed". */
const PERFECT_AUXILIARIES = new Set(['has', 'have', 'be', 'been', 'is', 'are']);

/**
 * "until Wednesday" and "by the end of October" bound a state or a task. When the clause is not told in
 * the past ("residents have been told to stay indoors until Wednesday", "the council has promised its
 * report by the end of October"), the bound still lies ahead of the dateline; "he stayed until Friday"
 * keeps to the past.
 */
export function isDeadline(article: Article, clauses: Clauses, expression: TemporalExpression, home: Segment): boolean {
  const { tokens } = article;
  let bounded = false;
  for (let t = expression.tokenStart; t >= Math.max(home[0], expression.tokenStart - MAX_DEADLINE_DISTANCE) && !bounded; t--) {
    if (t < expression.tokenStart && isAnyVerb(article, t)) break;
    bounded = DEADLINE_WORDS.has(tokens.normal(t));
  }
  if (!bounded) return false;
  const finites = clauses.marks(isVerbOrAuxiliary);
  const finite = finites.first(home[0], expression.tokenStart) ?? finites.first(expression.tokenEnd, home[1]);
  return finite !== undefined && !isPastForm(article, finite);
}

const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whom', 'whose', 'when', 'where', 'because', 'although', 'while', 'after', 'before', 'since', 'if']);

function opensClause(article: Article, t: number): boolean {
  return article.tokens.pos(t) === 'SCONJ' || (article.tokens.pos(t) === 'PRON' && CLAUSE_OPENERS.has(article.tokens.normal(t)));
}

function isVerbOrAuxiliary(article: Article, t: number): boolean {
  const pos = article.tokens.pos(t);
  return pos === 'AUX' || pos === 'VERB';
}

/**
 * A verb in the past: "had", "was", or a form that is neither its lemma, nor its lemma with -s, nor an
 * -ing form ("stayed", "told"). A past participle reads the same, so the first verb of the clause is asked.
 */
function isPastForm(article: Article, t: number): boolean {
  const { tokens } = article;
  const normal = tokens.normal(t);
  if (tokens.pos(t) === 'AUX') return PAST_AUXILIARIES.has(normal);
  const lemma = tokens.lemma(t);
  if (normal === lemma || normal.endsWith('ing')) return false;
  return !(normal === `${lemma}s` || normal === `${lemma}es` || (lemma.endsWith('y') && normal === `${lemma.slice(0, -1)}ies`));
}

/**
 * The events whose dates are compared, and the words that name them. Only one-off events are listed:
 * a date tied to "said" or "met" could belong to any of many statements or meetings, and comparing
 * those would raise false alarms. Variants of one event share a family (visit, trip, arrived, touched
 * down); the phase says which end of a lasting event a word dates.
 */

export type Phase = 'start' | 'end' | 'whole';

export interface Family {
  name: string;
  /**
   * Days one occurrence may last, so that its start can be compared with the whole ("arrived on June 19"
   * against "the visit in April"); undefined when it may last for months, and only like phases compare.
   */
  extent?: number;
  /** False for events that recur between the same participants (meetings): they only absorb dates. */
  compared: boolean;
  /**
   * Events that happen to a place rather than between people (a quake, a flood): the place is what
   * identifies them, and "the quake hit Sarnow" names it after the verb.
   */
  placeCentric?: boolean;
}

export interface Sense {
  family: Family;
  /** The noun a message names the event by: "the arrival", "the strike". */
  label: string;
  phase: Phase;
  /** Whether the word must be tagged as a verb or as a noun to count ("strike" the verb is not a walkout). */
  as?: 'verb' | 'noun';
}

const VISIT: Family = { name: 'visit', extent: 10, compared: true };
const SIGNING: Family = { name: 'signing', extent: 0, compared: true };
const STRIKE: Family = { name: 'strike', compared: true };
const FLOOD: Family = { name: 'flooding', extent: 30, compared: true, placeCentric: true };
const DEATH: Family = { name: 'death', extent: 0, compared: true };
const RESIGNATION: Family = { name: 'resignation', extent: 0, compared: true };
const ELECTION: Family = { name: 'election', extent: 1, compared: true };
const ARREST: Family = { name: 'arrest', extent: 0, compared: true };
const COLLAPSE: Family = { name: 'collapse', extent: 0, compared: true, placeCentric: true };
const QUAKE: Family = { name: 'earthquake', extent: 0, compared: true, placeCentric: true };
const EXPLOSION: Family = { name: 'explosion', extent: 0, compared: true, placeCentric: true };
const CRASH: Family = { name: 'crash', extent: 0, compared: true };
/** A fire in a building or a works, which may burn through a night into the next day. */
const FIRE: Family = { name: 'fire', extent: 1, compared: true, placeCentric: true };
const THEFT: Family = { name: 'theft', extent: 0, compared: true };
const DERAILMENT: Family = { name: 'derailment', extent: 0, compared: true, placeCentric: true };
const GROUNDING: Family = { name: 'grounding', extent: 0, compared: true };
const LANDFALL: Family = { name: 'landfall', extent: 0, compared: true, placeCentric: true };
const INAUGURATION: Family = { name: 'inauguration', extent: 0, compared: true };
const MEETING: Family = { name: 'meeting', compared: false };

const sense = (family: Family, label: string, phase: Phase = 'whole', as?: 'verb' | 'noun'): Sense => ({ family, label, phase, as });

/** Single words, by lemma. */
export const WORDS: ReadonlyMap<string, Sense> = new Map([
  ['visit', sense(VISIT, 'visit')],
  ['trip', sense(VISIT, 'visit', 'whole', 'noun')],
  ['journey', sense(VISIT, 'visit', 'whole', 'noun')],
  ['tour', sense(VISIT, 'visit')],
  ['travel', sense(VISIT, 'visit', 'whole', 'verb')],
  ['arrive', sense(VISIT, 'arrival', 'start')],
  ['arrival', sense(VISIT, 'arrival', 'start')],
  ['depart', sense(VISIT, 'departure', 'end')],
  ['departure', sense(VISIT, 'departure', 'end')],
  ['sign', sense(SIGNING, 'signing', 'whole', 'verb')],
  ['signing', sense(SIGNING, 'signing')],
  ['ink', sense(SIGNING, 'signing', 'whole', 'verb')],
  ['strike', sense(STRIKE, 'strike', 'whole', 'noun')],
  ['walkout', sense(STRIKE, 'strike', 'whole', 'noun')],
  ['stoppage', sense(STRIKE, 'strike', 'whole', 'noun')],
  ['flood', sense(FLOOD, 'flooding')],
  ['flooding', sense(FLOOD, 'flooding')],
  ['overflow', sense(FLOOD, 'flooding', 'start', 'verb')],
  ['die', sense(DEATH, 'death')],
  ['death', sense(DEATH, 'death')],
  ['resign', sense(RESIGNATION, 'resignation')],
  ['resignation', sense(RESIGNATION, 'resignation')],
  ['election', sense(ELECTION, 'election')],
  ['elect', sense(ELECTION, 'election', 'whole', 'verb')],
  ['arrest', sense(ARREST, 'arrest')],
  ['collapse', sense(COLLAPSE, 'collapse')],
  ['earthquake', sense(QUAKE, 'earthquake')],
  ['quake', sense(QUAKE, 'earthquake')],
  ['explosion', sense(EXPLOSION, 'explosion')],
  ['explode', sense(EXPLOSION, 'explosion')],
  ['crash', sense(CRASH, 'crash')],
  ['fire', sense(FIRE, 'fire', 'whole', 'noun')],
  ['blaze', sense(FIRE, 'fire', 'whole', 'noun')],
  ['inferno', sense(FIRE, 'fire', 'whole', 'noun')],
  ['theft', sense(THEFT, 'theft', 'whole', 'noun')],
  ['burglary', sense(THEFT, 'theft', 'whole', 'noun')],
  ['robbery', sense(THEFT, 'theft', 'whole', 'noun')],
  ['heist', sense(THEFT, 'theft', 'whole', 'noun')],
  ['steal', sense(THEFT, 'theft', 'whole', 'verb')],
  ['derail', sense(DERAILMENT, 'derailment', 'whole', 'verb')],
  ['derailment', sense(DERAILMENT, 'derailment', 'whole', 'noun')],
  ['grounding', sense(GROUNDING, 'grounding', 'whole', 'noun')],
  ['inaugurate', sense(INAUGURATION, 'inauguration')],
  ['inauguration', sense(INAUGURATION, 'inauguration')],
  ['meet', sense(MEETING, 'meeting', 'whole', 'verb')],
  ['meeting', sense(MEETING, 'meeting')],
  ['talk', sense(MEETING, 'meeting', 'whole', 'noun')],
  ['summit', sense(MEETING, 'meeting')],
  ['negotiation', sense(MEETING, 'meeting')],
]);

/** Several words, by lemma; '*' stands for any one word ("burst its banks", "burst their banks"). */
export const PHRASES: ReadonlyArray<{ words: string[]; sense: Sense }> = [
  { words: ['touch', 'down'], sense: sense(VISIT, 'arrival', 'start') },
  { words: ['walk', 'off', 'the', 'job'], sense: sense(STRIKE, 'strike', 'start') },
  { words: ['walk', 'out'], sense: sense(STRIKE, 'strike', 'start') },
  { words: ['go', 'on', 'strike'], sense: sense(STRIKE, 'strike', 'start') },
  { words: ['down', 'tool'], sense: sense(STRIKE, 'strike', 'start') },
  { words: ['burst', '*', 'bank'], sense: sense(FLOOD, 'flooding', 'start') },
  { words: ['break', '*', 'bank'], sense: sense(FLOOD, 'flooding', 'start') },
  { words: ['pass', 'away'], sense: sense(DEATH, 'death') },
  { words: ['step', 'down'], sense: sense(RESIGNATION, 'resignation') },
  { words: ['make', 'landfall'], sense: sense(LANDFALL, 'landfall') },
  { words: ['catch', 'fire'], sense: sense(FIRE, 'fire', 'start') },
  { words: ['break', 'into'], sense: sense(THEFT, 'theft') },
  { words: ['run', 'aground'], sense: sense(GROUNDING, 'grounding') },
  { words: ['go', 'aground'], sense: sense(GROUNDING, 'grounding') },
];

/** Verbs that carry no event of their own: the event is their subject or object ("the visit took place"). */
export const LIGHT_VERBS = new Set(['take', 'happen', 'occur', 'hold', 'be', 'have', 'begin', 'start', 'end', 'finish', 'continue', 'come', 'pay', 'make', 'get', 'go', 'conclude', 'launch']);

/** Words near an event that say which end of it a date marks. */
export const START_WORDS = new Set(['begin', 'start', 'launch', 'erupt', 'commence', 'kick']);
export const END_WORDS = new Set(['end', 'finish', 'conclude', 'wrap', 'over', 'extinguish']);
/** Two words that do so together, by lemma: "the fire broke out", "was brought under control". */
export const START_PAIRS: ReadonlyArray<readonly [string, string]> = [['break', 'out']];
export const END_PAIRS: ReadonlyArray<readonly [string, string]> = [['under', 'control']];

/** Before an event noun, these make it the topic of something else: "a meeting about the fire". */
export const TOPIC_PREPOSITIONS = new Set(['about', 'into', 'over', 'regarding', 'concerning']);
/** These do so only before a determiner: "a meeting on the explosion", not "workers on strike". */
export const TOPIC_PREPOSITIONS_BEFORE_DETERMINER = new Set(['on']);

/** Before an event word, these make it an earlier or a later occurrence than the one the story is about. */
export const PREVIOUS_WORDS = new Set(['last', 'previous', 'prior', 'earlier', 'former', 'final']);
export const NEXT_WORDS = new Set(['next', 'upcoming', 'forthcoming', 'planned', 'future']);
export const OTHER_WORDS = new Set(['second', 'third', 'fourth', 'another', 'that', 'those', 'again']);

/** Words that put the clause in the future: a weekday then lies ahead of the dateline. */
export const FUTURE_WORDS = new Set(['will', "'ll", 'shall', 'would', 'scheduled', 'upcoming']);
/** Words that do so before "to" and a verb: "plans to sign", "is set to arrive". */
export const FUTURE_BEFORE_TO = new Set(['plans', 'plan', 'planned', 'planning', 'intends', 'expect', 'expects', 'expected', 'set', 'going', 'due', 'poised', 'booked', 'slated']);

/** Modal verbs speak of what may come unless followed by "have" ("could have left on Monday"). */
export const MODALS = new Set(['could', 'might', 'may', 'can', 'should', 'must']);

/** Nouns for what is signed, and modifiers that do not tell one agreement from another. */
export const AGREEMENT_NOUNS = new Set(['agreement', 'accord', 'pact', 'treaty', 'deal', 'partnership', 'contract', 'memorandum', 'declaration', 'alliance', 'convention']);
export const GENERIC_MODIFIERS = new Set(['new', 'landmark', 'historic', 'final', 'draft', 'small', 'smaller', 'large', 'larger', 'major', 'key', 'bilateral', 'comprehensive', 'formal', 'long-awaited', 'mutual', 'strategic']);

/** What a quake or a storm does to a place: "the quake hit Sarnow", "the storm battered the coast". */
export const IMPACT_VERBS = new Set(['hit', 'strike', 'rock', 'shake', 'jolt', 'devastate', 'ravage', 'batter', 'lash', 'sweep', 'inundate', 'swamp', 'engulf', 'destroy', 'flatten']);

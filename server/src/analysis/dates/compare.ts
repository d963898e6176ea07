import { gapBetween, type DateValue } from './calendar';
import type { DateMention } from './articleDates';
import type { Dateline } from './dateline';
import type { EventRef } from './events';
import type { Phase } from './lexicon';
import { anySameName, type Name } from './names';

/** A mention with the article it is in. */
export interface Located {
  uri: string;
  mention: DateMention;
  dateline?: Dateline;
}

/**
 * Dates further apart than this are taken as two occurrences of the event (an earlier visit by the same
 * leader to the same capital), not as a disagreement about one.
 */
const MAX_CONFLICT_GAP_DAYS = 120;
/** Articles whose datelines are further apart than this may well report different occurrences. */
const MAX_DATELINE_DISTANCE_DAYS = 30;

/**
 * Whether two mentions date the same event and, if so, whether their dates fit. Undefined when they may
 * be about different events, or when their dates cannot be compared (the start of a strike against
 * the strike as a whole, which may last for months).
 */
export function relation(a: Located, b: Located): 'agrees' | 'conflicts' | undefined {
  const x = a.mention.event;
  const y = b.mention.event;
  const u = a.mention.value;
  const v = b.mention.value;
  if (!x || !y || !u || !v || !a.mention.comparable || !b.mention.comparable) return undefined;
  if (!sameEvent(x, y, a.uri === b.uri)) return undefined;
  if (a.uri !== b.uri && a.dateline && b.dateline && Math.abs(a.dateline.day - b.dateline.day) > MAX_DATELINE_DISTANCE_DAYS) return undefined;
  const slack = slackBetween(x, y);
  if (slack === undefined) return undefined;
  if (fits(x.phase, u, y.phase, v, slack)) return 'agrees';
  const gap = gapBetween(u, v);
  if (x.occurrence === 'this' && gap > MAX_CONFLICT_GAP_DAYS) return undefined;
  return 'conflicts';
}

/**
 * Whether two mentions of what may be one event give dates that fit together, names aside: how a third
 * account that names the event as one of them does can back the other (see `DateDetector.findings`).
 */
export function datesAgree(a: Located, b: Located): boolean {
  const x = a.mention.event;
  const y = b.mention.event;
  const u = a.mention.value;
  const v = b.mention.value;
  if (!x || !y || !u || !v || x.family.name !== y.family.name || x.occurrence !== y.occurrence) return false;
  const slack = slackBetween(x, y);
  return slack !== undefined && fits(x.phase, u, y.phase, v, slack);
}

/**
 * Same kind of event, same occurrence, and participants that fit: who took part and where must not
 * differ when both say it, and across articles at least one name must be shared.
 */
function sameEvent(x: EventRef, y: EventRef, sameArticle: boolean): boolean {
  // By name: an article analysed in a reading thread carries copies of the lexicon's families.
  if (x.family.name !== y.family.name || x.occurrence !== y.occurrence) return false;
  if (x.family.placeCentric) {
    // What a fire or a flood struck is what identifies it; which of its names is the place ("the fire at
    // the Lessing works in Brennmoor", "residents of Brennmoor") is not.
    const namesOf = (e: EventRef): Name[] => [...e.actors, ...e.places];
    return sameArticle || anySameName(namesOf(x), namesOf(y));
  }
  if (x.actors.length > 0 && y.actors.length > 0 && !anySameName(x.actors, y.actors)) return false;
  if (x.places.length > 0 && y.places.length > 0 && !anySameName(x.places, y.places)) return false;
  if (x.things.length > 0 && y.things.length > 0 && !anySameName(x.things, y.things)) return false;
  return sameArticle || anySameName(x.actors, y.actors) || anySameName(x.places, y.places) || anySameName(x.actors, y.places) || anySameName(x.places, y.actors);
}

const PHASE_ORDER: Record<Phase, number> = { start: 0, whole: 1, end: 2 };

/**
 * Whether two dates of one event fit together: within `slack` days of each other, and, for two phases of
 * it, in their order: nothing of the event comes before its start or after its end ("a fire on Friday
 * night" cannot be the one that broke out on Saturday).
 */
function fits(p: Phase, u: DateValue, q: Phase, v: DateValue, slack: number): boolean {
  if (gapBetween(u, v) > slack) return false;
  if (p === q) return true;
  const [earlier, later] = PHASE_ORDER[p] < PHASE_ORDER[q] ? [u, v] : [v, u];
  return later.end >= earlier.start;
}

/** Days two dates of the event may differ by and still agree; undefined when they cannot be compared. */
function slackBetween(x: EventRef, y: EventRef): number | undefined {
  const extent = x.family.extent;
  if (x.phase === y.phase) return x.phase === 'whole' ? extent : 0;
  return extent;
}

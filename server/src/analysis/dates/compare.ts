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
  const p = datedEvent(a);
  const q = datedEvent(b);
  if (!p || !q || !a.mention.comparable || !b.mention.comparable) return undefined;
  if (!sameEvent(p.event, q.event, a.uri === b.uri)) return undefined;
  if (a.uri !== b.uri && a.dateline && b.dateline && Math.abs(a.dateline.day - b.dateline.day) > MAX_DATELINE_DISTANCE_DAYS) return undefined;
  const fit = datesFit(p, q);
  if (fit === undefined) return undefined;
  if (fit) return 'agrees';
  if (p.event.occurrence === 'this' && gapBetween(p.value, q.value) > MAX_CONFLICT_GAP_DAYS) return undefined;
  return 'conflicts';
}

/**
 * Whether two mentions of what may be one event give dates that fit together, names aside: how a third
 * account that names the event as one of them does can back the other (see `DateDetector.findings`).
 */
export function datesAgree(a: Located, b: Located): boolean {
  const p = datedEvent(a);
  const q = datedEvent(b);
  return p !== undefined && q !== undefined && datesFit(p, q) === true;
}

interface DatedEvent {
  event: EventRef;
  value: DateValue;
}

/** A mention's event and date, when it has both. */
function datedEvent({ mention }: Located): DatedEvent | undefined {
  return mention.event && mention.value ? { event: mention.event, value: mention.value } : undefined;
}

const PHASE_ORDER: Record<Phase, number> = { start: 0, whole: 1, end: 2 };

/**
 * Whether two dates of one kind and occurrence of event fit together: within the days they may differ
 * by, and, for two phases of it, in their order: nothing of the event comes before its start or after
 * its end ("a fire on Friday night" cannot be the one that broke out on Saturday). Undefined when they
 * cannot be compared.
 */
function datesFit(p: DatedEvent, q: DatedEvent): boolean | undefined {
  const x = p.event;
  const y = q.event;
  if (x.family.name !== y.family.name || x.occurrence !== y.occurrence) return undefined;
  const slack = slackBetween(x, y);
  if (slack === undefined) return undefined;
  if (gapBetween(p.value, q.value) > slack) return false;
  if (x.phase === y.phase) return true;
  const [earlier, later] = PHASE_ORDER[x.phase] < PHASE_ORDER[y.phase] ? [p.value, q.value] : [q.value, p.value];
  return later.end >= earlier.start;
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

/** Days two dates of the event may differ by and still agree; undefined when they cannot be compared. */
function slackBetween(x: EventRef, y: EventRef): number | undefined {
  const extent = x.family.extent;
  if (x.phase === y.phase) return x.phase === 'whole' ? extent : 0;
  return extent;
}

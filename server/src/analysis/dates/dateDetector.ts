import type { Article } from '../article';
import type { Detector } from '../detector';
import type { Finding, RelatedPassage } from '../types';
import { formatDay, formatValue } from './calendar';
import { analyseDates, type ArticleDates, type DateMention } from './articleDates';
import { datesAgree, relation, type Located } from './compare';
import { describeEvent, relatedMessage } from './describe';
import { NO_DATELINE } from './resolve';

/**
 * Mentions that say the same thing about the same event (same kind, occurrence, phase, date, dateline
 * day and names), from however many articles. A big story repeats one claim in hundreds of articles;
 * grouping them means it is judged once.
 */
interface Claim {
  signature: string;
  byUri: Map<string, Located[]>;
  /** byUri's keys in order, worked out when first needed after a change: findings must not depend on the order articles arrived in. */
  sortedUris?: string[];
  size: number;
  /** Index keys the claim is filed under, its own article's key aside. */
  keys: string[];
}

/** Mentions that agree or conflict with one mention, counted as a group. */
interface Group {
  members: () => Iterable<Located>;
  count: number;
  sample: Located;
}

/** A word of a name filed under more claims than this is too common to look through when another is not. */
const MAX_CLAIMS = 200;
/** A finding lists at most this many other mentions; its message still counts them all. */
const MAX_RELATED = 40;

/**
 * Dates that contradict each other about one event, within an article or across articles. Each article's
 * dated event mentions go into an index keyed by event, occurrence and a word of a participant's name,
 * so comparing one article costs a few lookups however many articles the workspace holds.
 */
export class DateDetector implements Detector {
  private readonly articles = new Map<string, ArticleDates>();
  private readonly claims = new Map<string, Claim>();
  private readonly index = new Map<string, Set<Claim>>();

  add(article: Article): void {
    const dates = analyseDates(article);
    this.articles.set(article.uri, dates);
    for (const mention of dates.mentions) {
      if (!mention.comparable) continue;
      const signature = claimOf(mention, dates.dateline?.day);
      let claim = this.claims.get(signature);
      if (!claim) {
        claim = { signature, byUri: new Map(), size: 0, keys: keysOf(mention) };
        this.claims.set(signature, claim);
        for (const key of claim.keys) this.file(key, claim);
      }
      const members = claim.byUri.get(article.uri);
      const located: Located = { uri: article.uri, mention, dateline: dates.dateline };
      if (members) members.push(located);
      else claim.byUri.set(article.uri, [located]);
      claim.sortedUris = undefined;
      claim.size++;
      this.file(ownKey(article.uri, mention), claim);
    }
  }

  remove(article: Article): void {
    const dates = this.articles.get(article.uri);
    if (!dates) return;
    for (const mention of dates.mentions) {
      if (!mention.comparable) continue;
      const claim = this.claims.get(claimOf(mention, dates.dateline?.day));
      const members = claim?.byUri.get(article.uri);
      if (!claim || !members) continue;
      claim.size -= members.length;
      claim.byUri.delete(article.uri);
      claim.sortedUris = undefined;
      this.index.delete(ownKey(article.uri, mention));
      if (claim.size > 0) continue;
      this.claims.delete(claim.signature);
      for (const key of claim.keys) {
        const filed = this.index.get(key);
        filed?.delete(claim);
        if (filed?.size === 0) this.index.delete(key);
      }
    }
    this.articles.delete(article.uri);
  }

  dependents(article: Article): Iterable<string> {
    const uris = new Set<string>();
    for (const mention of this.articles.get(article.uri)?.mentions ?? []) {
      if (!mention.comparable) continue;
      for (const claim of this.candidates(article.uri, mention)) for (const uri of claim.byUri.keys()) uris.add(uri);
    }
    uris.delete(article.uri);
    return uris;
  }

  /** The dateline and every date mention of an article, resolved, as the detector sees them. */
  datesOf(uri: string): ArticleDates | undefined {
    return this.articles.get(uri);
  }

  findings(article: Article): Finding[] {
    const dates = this.articles.get(article.uri);
    if (!dates) return [];
    const findings: Finding[] = [];
    for (const mention of dates.mentions) {
      if (mention.source !== 'text' || !mention.comparable) continue;
      const self: Located = { uri: article.uri, mention, dateline: dates.dateline };
      const agreeing: Group[] = [];
      const conflicting: Group[] = [];
      const sort = (group: Group, verdict: ReturnType<typeof relation>): void => {
        if (verdict === 'agrees') agreeing.push(group);
        else if (verdict === 'conflicts') conflicting.push(group);
      };
      for (const claim of this.candidates(article.uri, mention)) {
        const own = claim.byUri.get(article.uri) ?? [];
        for (const other of own) if (other.mention !== mention) sort({ members: () => [other], count: 1, sample: other }, relation(self, other));
        const count = claim.size - own.length;
        if (count === 0) continue;
        const sample = firstElsewhere(claim, article.uri);
        sort({ members: () => membersElsewhere(claim, article.uri), count, sample }, relation(self, sample));
      }
      if (conflicting.length === 0) continue;
      const against = sum(conflicting);
      // Backing counts only from a date that takes a side: "2024" fits both "April" and "June 19". An
      // agreeing account is the same event as this one, and so as the side, whatever names it gives.
      const sides = conflicting.map((g) => g.sample);
      const backing = sum(agreeing.filter((g) => sides.some((side) => !datesAgree(g.sample, side)))) + this.bridged(article.uri, self, sides, agreeing);
      // The odd one out is flagged; when accounts are evenly split, every one of them is.
      if (against <= backing) continue;
      findings.push(this.toFinding(article, self, conflicting, backing));
    }
    return findings;
  }

  /**
   * Accounts that name the event as a side does, not as this mention does ("the Corven Street block"
   * against "the collapse in Tarnby"), and that give this mention's date against that side: they back it
   * too. Without them, two accounts that share no name with each other would each be the odd one out
   * against a third that shares a name with both.
   */
  private bridged(uri: string, self: Located, sides: Located[], agreeing: Group[]): number {
    const counted = new Set(agreeing.map((g) => g.sample));
    const seen = new Set<Claim>();
    let count = 0;
    for (const side of sides) {
      for (const claim of this.candidates(side.uri, side.mention)) {
        if (seen.has(claim)) continue;
        seen.add(claim);
        for (const [other, members] of claim.byUri) {
          if (other === uri) continue;
          const sample = members[0];
          if (counted.has(sample) || relation(sample, self) !== undefined) continue;
          if (relation(sample, side) === 'conflicts' && datesAgree(sample, self)) count += members.length;
        }
      }
    }
    return count;
  }

  private file(key: string, claim: Claim): void {
    const filed = this.index.get(key);
    if (filed) filed.add(claim);
    else this.index.set(key, new Set([claim]));
  }

  private candidates(uri: string, mention: DateMention): Set<Claim> {
    const found = new Set<Claim>();
    const own = this.index.get(ownKey(uri, mention));
    for (const claim of own ?? []) found.add(claim);
    for (const keys of keysByName(mention)) {
      // Each name is looked up by its words, skipping the common ones ("Vladimir", "Port") as long
      // as one of its words is selective; a name made only of common words uses its rarest.
      const filed = keys.map((key) => this.index.get(key)).filter((set): set is Set<Claim> => set !== undefined);
      const selective = filed.filter((set) => set.size <= MAX_CLAIMS);
      const used = selective.length > 0 ? selective : filed.sort((a, b) => a.size - b.size).slice(0, 1);
      for (const set of used) for (const claim of set) found.add(claim);
    }
    return found;
  }

  private toFinding(article: Article, self: Located, conflicting: Group[], backing: number): Finding {
    const { mention, dateline } = self;
    const event = mention.event!;
    const related: RelatedPassage[] = [];
    const seen = new Set<string>();
    const add = (passage: RelatedPassage): void => {
      const id = `${passage.span.start}:${passage.span.end}@${passage.uri}`;
      if (seen.has(id)) return;
      seen.add(id);
      related.push(passage);
    };
    if (mention.usedDateline && dateline) add({ uri: article.uri, span: dateline.span, text: dateline.text, message: 'Dateline this date is counted from' });
    // Its own article's mentions first, then the others up to the limit.
    const ordered = [...conflicting].sort((a, b) => Number(b.sample.uri === article.uri) - Number(a.sample.uri === article.uri) || byPlace(a.sample, b.sample));
    let listed = 0;
    for (const group of ordered) {
      for (const other of group.members()) {
        if (listed++ >= MAX_RELATED) break;
        add({ uri: other.uri, span: other.mention.span, text: other.mention.text, message: relatedMessage(other) });
        if (other.mention.usedDateline && other.dateline) add({ uri: other.uri, span: other.dateline.span, text: other.dateline.text, message: 'Dateline that date is counted from' });
      }
    }
    const value = formatValue(mention.value!);
    const support = backing > 0 ? ` (${backing} agree${backing === 1 ? 's' : ''} with it)` : '';
    return {
      code: 'conflicting-date',
      severity: 'warning',
      message: `Date conflict: "${mention.text}" dates the ${event.occurrence === 'previous' ? 'previous ' : ''}${event.label} to ${value}, but ${conflictSummary(article.uri, conflicting)}${support}`,
      uri: article.uri,
      span: mention.span,
      text: mention.text,
      related,
      data: { kind: 'conflicting-date', resolved: value, explanation: dateline ? mention.explanation : `${mention.explanation}; ${NO_DATELINE}`, event: describeEvent(event) },
    };
  }
}

function sum(groups: Group[]): number {
  return groups.reduce((total, g) => total + g.count, 0);
}

function sortedUris(claim: Claim): string[] {
  claim.sortedUris ??= [...claim.byUri.keys()].sort();
  return claim.sortedUris;
}

function firstElsewhere(claim: Claim, uri: string): Located {
  const other = sortedUris(claim).find((u) => u !== uri);
  if (other === undefined) throw new Error('a claim counted elsewhere has no member elsewhere');
  return claim.byUri.get(other)![0];
}

/** Where a mention stands: the groups of a finding are listed in this order, whatever order they were found in. */
function byPlace(a: Located, b: Located): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.mention.span.start - b.mention.span.start;
}

/** "4 other mentions date it Wed 19 June 2024, and its own headline reports it as news of Wed 19 June 2024". */
function conflictSummary(uri: string, unordered: Group[]): string {
  const conflicting = [...unordered].sort((a, b) => a.sample.mention.value!.start - b.sample.mention.value!.start || byPlace(a.sample, b.sample));
  const texts = conflicting.filter((g) => g.sample.mention.source === 'text');
  const parts: string[] = [];
  const count = sum(texts);
  if (count > 0) {
    const values = [...new Set(texts.map((g) => formatValue(g.sample.mention.value!)))];
    parts.push(`${count === 1 ? 'another mention dates' : `${count} other mentions date`} it ${values.length === 1 ? values[0] : `differently (${values.join('; ')})`}`);
  }
  const headlines = conflicting.filter((g) => g.sample.mention.source === 'headline');
  for (const headline of headlines.slice(0, 2)) {
    const whose = headline.sample.uri === uri ? 'its own headline' : 'the headline of another article';
    parts.push(`${whose} reports it as news of ${headline.sample.dateline ? formatDay(headline.sample.dateline.day) : 'its dateline'}`);
  }
  if (headlines.length > 2) parts.push(`${sum(headlines.slice(2))} more headlines disagree`);
  return parts.join(', and ');
}

function* membersElsewhere(claim: Claim, uri: string): Iterable<Located> {
  for (const other of sortedUris(claim)) if (other !== uri) yield* claim.byUri.get(other)!;
}

/** What identifies a mention's claim for `relation`: event, occurrence, date, dateline and names. */
function claimOf(mention: DateMention, datelineDay: number | undefined): string {
  const event = mention.event!;
  const value = mention.value!;
  const names = (list: Array<{ words: string[] }>): string => list.map((n) => n.words.join(' ')).join(',');
  return [event.family.name, event.occurrence, event.phase, value.start, value.end, datelineDay ?? '', mention.source, names(event.actors), names(event.places), names(event.things)].join('|');
}

/** Index keys of a mention: its event and occurrence with each word of each name. */
function keysOf(mention: DateMention): string[] {
  return [...new Set(keysByName(mention).flat())];
}

function keysByName(mention: DateMention): string[][] {
  const event = mention.event!;
  const prefix = `${event.family.name}|${event.occurrence}|`;
  return [...event.actors, ...event.places].map((name) => name.words.map((word) => prefix + word));
}

/** The key that finds the article's own mentions of an event, named or not. */
function ownKey(uri: string, mention: DateMention): string {
  const event = mention.event!;
  return `${event.family.name}|${event.occurrence}|@${uri}`;
}

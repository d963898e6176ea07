import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/analysis/article';
import { analyseDates, type DateMention } from '../../server/src/analysis/dates/articleDates';

const DATELINE = 'Wednesday, June 19, 2024\n\nA day of talks\n\n';

function mentionOf(body: string, needle: string): DateMention {
  const found = analyseDates(parseArticle({ uri: 'file:///a.txt', text: DATELINE + body })).mentions.find((m) => m.source === 'text' && m.text.includes(needle));
  assert.ok(found, `no mention containing "${needle}"`);
  return found;
}

function names(mention: DateMention): { actors: string[]; places: string[] } {
  return { actors: mention.event?.actors.map((n) => n.text) ?? [], places: mention.event?.places.map((n) => n.text) ?? [] };
}

test('events: a verb of the clause, its subject and its place', () => {
  const m = mentionOf('The leader is Vladimir Putin. Putin arrived in North Korea early Wednesday morning.', 'Wednesday');
  assert.equal(m.event?.label, 'arrival');
  assert.equal(m.event?.family.name, 'visit');
  assert.equal(m.event?.phase, 'start');
  assert.deepEqual(names(m), { actors: ['Putin'], places: ['North Korea'] });
});

test('events: a relative clause with a light verb dates its antecedent', () => {
  const m = mentionOf('The visit, which took place in April, was hailed as historic.', 'April');
  assert.equal(m.event?.label, 'visit');
  assert.equal(m.event?.occurrence, 'this');
});

test('events: variants of one event share a family', () => {
  const touched = mentionOf('Vladimir Putin touched down in Pyongyang on Tuesday.', 'Tuesday');
  const walked = mentionOf('Dockworkers at the Port of Kessling walked off the job on Monday.', 'Monday');
  const inked = mentionOf('Later on Wednesday, the two leaders inked a partnership.', 'Wednesday');
  assert.deepEqual([touched.event?.label, walked.event?.family.name, walked.event?.phase, inked.event?.label], ['arrival', 'strike', 'start', 'signing']);
});

test('events: the last visit and the first visit since a year are the previous occurrence', () => {
  const last = mentionOf('In 2000, Putin paid his final trip to Pyongyang.', '2000');
  const since = mentionOf('Putin arrived on June 19 for his first visit to the country since 2000.', 'since 2000');
  const arrival = mentionOf('Putin arrived on June 19 for his first visit to the country since 2000.', 'June 19');
  assert.deepEqual([last.event?.occurrence, since.event?.occurrence, arrival.event?.occurrence], ['previous', 'previous', 'this']);
});

test('events: a date is not tied across another verb', () => {
  const m = mentionOf('The two inked the alliance to replace the agreements made in 1961.', '1961');
  assert.equal(m.event, undefined);
});

test('events: an opening date leads into the clause with a verb, past a verbless one', () => {
  const m = mentionOf('On Tuesday morning, precisely 24 years after his previous visit, Putin touched down in Pyongyang.', 'Tuesday');
  assert.equal(m.event?.label, 'arrival');
  assert.equal(m.event?.occurrence, 'this');
});

test('events: a clause that names no one takes the participants the article gives the event', () => {
  const body = 'Putin arrives in Pyongyang for talks\n\nThe recent visit of Vladimir Putin to Pyongyang was hailed. The visit, which took place in April, was a success.';
  const m = mentionOf(body, 'April');
  assert.deepEqual(names(m), { actors: ['Vladimir Putin'], places: ['Pyongyang'] });
  assert.equal(m.event?.inferred, true);
});

test('events: a duration after an event the article dates is resolved from it', () => {
  const body = 'In 2000, Putin paid his final trip to Pyongyang. On Wednesday morning, precisely 24 years after his previous visit to Pyongyang, Putin touched down in North Korea.';
  const m = mentionOf(body, '24 years after');
  assert.equal(m.value?.granularity, 'year');
  assert.match(m.explanation, /→ 2024: 24 years after the previous visit, which 'In 2000' dates to 2000/);
});

test('events: planned events and meetings take part in no comparison', () => {
  const planned = mentionOf('The ministers will sign the accord on Friday.', 'Friday');
  const met = mentionOf('Rask met Orrin on Tuesday.', 'Tuesday');
  assert.equal(planned.event?.occurrence, 'next');
  assert.deepEqual([planned.comparable, met.comparable], [false, false]);
});
test('events: of two phase words in a clause, the nearest before the date decides', () => {
  const body = 'The strike at the Port of Kessling began on Monday and ended on Tuesday.';
  assert.deepEqual([mentionOf(body, 'Monday').event?.phase, mentionOf(body, 'Tuesday').event?.phase], ['start', 'end']);
});

test('events: a noun qualifying another, or the topic of another, dates nothing itself', () => {
  assert.equal(mentionOf('The company said it had passed a fire safety inspection in May.', 'May').event, undefined);
  assert.equal(mentionOf('The council will hold a public meeting about the fire on Thursday.', 'Thursday').event?.family.name, 'meeting');
  assert.equal(mentionOf('An inquiry into the theft on Monday heard from the guards.', 'Monday').event, undefined);
});

test('events: a date right after a verb of its own clause is that verb\'s, not an event named after it', () => {
  assert.equal(mentionOf('Production will restart next month in the halls the fire did not reach.', 'next month').event, undefined);
  assert.equal(mentionOf('Thieves broke into the gallery on Tuesday night.', 'Tuesday').event?.family.name, 'theft');
});

test('events: "broke out" starts a fire; a later verb keeps the next date from it', () => {
  const body = 'The fire broke out on Saturday evening in a store at the back of the mill and was brought under control early on Sunday.';
  const saturday = mentionOf(body, 'Saturday');
  assert.deepEqual([saturday.event?.family.name, saturday.event?.phase], ['fire', 'start']);
  assert.equal(mentionOf(body, 'Sunday').event, undefined);
});

test('events: "the train that derailed" is this derailment, not another', () => {
  const m = mentionOf('The driver of the Northvale Rail train that derailed near Lessingham early on Tuesday was recovering.', 'Tuesday');
  assert.deepEqual([m.event?.family.name, m.event?.occurrence], ['derailment', 'this']);
  const collapsed = mentionOf('Families who lived in the apartment block that partly collapsed on Tuesday night say they warned the landlord.', 'Tuesday');
  assert.deepEqual([collapsed.event?.family.name, collapsed.event?.occurrence], ['collapse', 'this']);
  assert.equal(mentionOf('He recalled that visit in 2000.', '2000').event?.occurrence, 'other');
});

test('events: "a meeting on the explosion" is the meeting\'s date, but workers "on strike" are striking', () => {
  assert.equal(mentionOf('The public meeting on the explosion goes ahead at the hall next Tuesday.', 'Tuesday').event?.family.name, 'meeting');
  assert.equal(mentionOf('Dockworkers at the Port of Kessling have been on strike since Monday.', 'Monday').event?.family.name, 'strike');
});

test('events: "began lifting" is a verb of its own, so the day the work began does not date the crash', () => {
  const body = 'Investigators on Monday began lifting the wreckage from a field outside the town, after a crash late on Sunday that killed both pilots.';
  assert.equal(mentionOf(body, 'Monday').event, undefined);
  assert.equal(mentionOf(body, 'Sunday').event?.family.name, 'crash');
});

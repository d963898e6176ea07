import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/analysis/article';
import { analyseDates, type DateMention } from '../../server/src/analysis/dates/articleDates';
import { isoValue } from '../../server/src/analysis/dates/calendar';
import { findDateline } from '../../server/src/analysis/dates/dateline';
import { NO_DATELINE } from '../../server/src/analysis/dates/resolve';

function dateline(text: string): { text: string; day: string } | undefined {
  const found = findDateline(parseArticle({ uri: 'file:///a.txt', text }));
  return found && { text: found.text, day: isoValue({ start: found.day, end: found.day, granularity: 'day' }) };
}

function mentions(text: string): DateMention[] {
  return analyseDates(parseArticle({ uri: 'file:///a.txt', text })).mentions.filter((m) => m.source === 'text');
}

/** The mention whose text contains `needle`, which must exist. */
function mention(text: string, needle: string): DateMention {
  const found = mentions(text).find((m) => m.text.includes(needle));
  assert.ok(found, `no mention containing "${needle}" in: ${mentions(text).map((m) => m.text).join(' | ')}`);
  return found;
}

function resolved(text: string, needle: string): string | undefined {
  const value = mention(text, needle).value;
  return value && isoValue(value);
}

const WEDNESDAY = 'Wednesday, June 19, 2024\n\nTalks in the capital\n\n';

test('dateline: a weekday dateline on a line of its own', () => {
  assert.deepEqual(dateline(`${WEDNESDAY}The envoy arrived on Tuesday.`), { text: 'Wednesday, June 19, 2024', day: '2024-06-19' });
});

test('dateline: a label and a time around the date, a few lines down', () => {
  assert.deepEqual(dateline('Video shows leaders embracing\n\nWar\nPost At: Jun 19/2024 06:50PM\n\nThe leader arrived early Wednesday.'), { text: 'Jun 19/2024 06:50PM', day: '2024-06-19' });
  assert.equal(dateline('Posted March 5, 2025\n\nCouncil votes on budget.')?.day, '2025-03-05');
  assert.equal(dateline('By Jane Doe | March 5, 2025\n\nCouncil votes on budget.')?.day, '2025-03-05');
});

test('dateline: abbreviated month and ISO forms', () => {
  assert.equal(dateline('Oct 12, 2024\n\nRiver floods town.')?.day, '2024-10-12');
  assert.equal(dateline('2024-06-19\n\nRiver floods town.')?.day, '2024-06-19');
});

test('dateline: the wire style that opens the story', () => {
  assert.deepEqual(dateline('VALDERA, March 4, 2025 — The city council voted on Tuesday to close the bridge.'), { text: 'March 4, 2025', day: '2025-03-04' });
});

test('dateline: a date inside a sentence is not a dateline, and no date means none', () => {
  assert.equal(dateline('The council met on March 4, 2025 to discuss the budget.\n\nIt voted on Tuesday.'), undefined);
  assert.equal(dateline('Council votes on budget\n\nThe council voted on Tuesday.'), undefined);
});

test('resolve: a weekday is the latest one not after the dateline, and says how', () => {
  const text = `${WEDNESDAY}The minister arrived in Oslo on Wednesday. Talks began on Friday.`;
  assert.equal(resolved(text, 'on Wednesday'), '2024-06-19');
  assert.equal(resolved(text, 'on Friday'), '2024-06-14');
  assert.match(mention(text, 'on Wednesday').explanation, /Wed 19 June 2024.*dateline 'Wednesday, June 19, 2024'/);
});

test('resolve: a future verb turns a weekday forward', () => {
  const text = `${WEDNESDAY}The mediator will meet both sides on Friday. The union is due to vote on Monday.`;
  assert.equal(resolved(text, 'on Friday'), '2024-06-21');
  assert.equal(resolved(text, 'on Monday'), '2024-06-24');
});

test('resolve: a past verb beside a future one keeps its own tense', () => {
  const text = `${WEDNESDAY}She met the prime minister on Monday and is due to meet him again before leaving.`;
  assert.equal(resolved(text, 'on Monday'), '2024-06-17');
});

test('resolve: months lean to the past; counted expressions keep their granularity', () => {
  const text = `${WEDNESDAY}The visit took place in April. The last flood was in August. Officials said last week that the road was shut, and yesterday it reopened.`;
  assert.equal(resolved(text, 'April'), '2024-04');
  assert.equal(resolved(text, 'August'), '2023-08');
  assert.equal(resolved(text, 'last week'), 'week-of-2024-06-10');
  assert.equal(resolved(text, 'yesterday'), '2024-06-18');
});

test('resolve: "in 24 years" after "first" is a span, not a date ahead', () => {
  const text = `${WEDNESDAY}It was his first visit to the country in 24 years.`;
  const span = mention(text, '24 years');
  assert.equal(span.value, undefined);
  assert.match(span.explanation, /length of time/);
});

test('resolve: without a dateline relative dates stay unresolved, absolute ones do not', () => {
  const text = 'Talks in the capital\n\nThe envoy arrived on Wednesday. The treaty was signed on June 19, 2024.';
  const relative = mention(text, 'Wednesday');
  assert.equal(relative.value, undefined);
  assert.ok(relative.explanation.includes(NO_DATELINE));
  assert.equal(resolved(text, 'June 19, 2024'), '2024-06-19');
});

test('resolve: bare years, year lists and attributive years', () => {
  const text = `${WEDNESDAY}The two countries signed an accord in 2000. It replaced agreements made in 1961, 1975, and 1991. Their 1961 pact lapsed.`;
  assert.equal(resolved(text, '2000'), '2000');
  assert.deepEqual(['1961', '1975', '1991'].map((y) => mentions(text).some((m) => m.text.includes(y) && m.value && isoValue(m.value) === y)), [true, true, true]);
  const pact = mentions(text).filter((m) => m.text === '1961').pop();
  assert.ok(pact && !pact.comparable, 'a year naming a pact takes part in no comparison');
});

test('resolve: the verb "may" is not the month', () => {
  const text = `${WEDNESDAY}Vessels due this week may be diverted.`;
  assert.deepEqual(mentions(text).map((m) => m.text), ['this week']);
});

test('resolve: "now" beside a weekday is not read as the dateline', () => {
  const text = 'ORVIK, April 11, 2025 — The museum, which had planned to reopen on Saturday, now says it will stay shut.';
  assert.equal(resolved(text, 'Saturday'), '2025-04-12');
  assert.ok(!mentions(text).some((m) => m.text.includes('now')), mentions(text).map((m) => m.text).join(' | '));
});

test('resolve: a bound on what is still to come lies ahead, unless the clause is past', () => {
  const text = `${WEDNESDAY}Residents have been told to keep their windows closed until at least Friday. The council has promised its report by the end of October. He stayed until Monday. Turnout had reached half by the end of May.`;
  assert.equal(resolved(text, 'Friday'), '2024-06-21');
  assert.match(mention(text, 'Friday').explanation, /first Friday not before it, as it bounds what is still to come/);
  assert.equal(resolved(text, 'October'), '2024-10-31');
  assert.equal(resolved(text, 'Monday'), '2024-06-17');
  assert.equal(resolved(text, 'May'), '2024-05-31');
});

test('resolve: a date after a past verb keeps its tense whatever the rest of the sentence says', () => {
  const text = `${WEDNESDAY}Residents ask how a plant that passed an inspection in August could burn so fiercely. Police said the man who was arrested on Monday will appear in court.`;
  assert.equal(resolved(text, 'August'), '2023-08');
  assert.equal(resolved(text, 'Monday'), '2024-06-17');
});

test('resolve: a clause whose verb comes after the date, or is booked ahead, is future', () => {
  const text = `${WEDNESDAY}Agencies warned that snow forecast for the weekend could hamper the relief effort. A technician had been booked to replace the sensor on Friday.`;
  assert.equal(resolved(text, 'weekend'), '2024-06-22/2024-06-23');
  assert.equal(resolved(text, 'Friday'), '2024-06-21');
});

test('resolve: parts of a day, a decade after "the", and a date after "the night of"', () => {
  const text = `${WEDNESDAY}The driver was recovering in hospital last night. Salvors will try again this afternoon. Dredging ended in the 1990s. The ship ran onto the shoal at ten o'clock on the night of Sunday 16 June 2024.`;
  assert.equal(resolved(text, 'last night'), '2024-06-18');
  assert.equal(resolved(text, 'this afternoon'), '2024-06-19');
  assert.equal(resolved(text, '1990s'), '1990s');
  assert.equal(resolved(text, 'Sunday 16 June 2024'), '2024-06-16');
});

test('resolve: "may have to" looks ahead; an event noun takes the tense of the verb before the date', () => {
  const text = `${WEDNESDAY}The ferry may have to cancel its sailing on Friday. The union will press the company at a meeting on 2 May.`;
  assert.equal(resolved(text, 'Friday'), '2024-06-21');
  assert.equal(resolved(text, '2 May'), '2025-05-02');
});

test('resolve: "should" and "expects to" look ahead, a clause without a verb goes on in the tense before it, and "the end of the month" is its last day', () => {
  const text = `${WEDNESDAY}A track should be cleared by Friday. The board expects to publish a report by the end of August, with its findings in May. The road could stay closed until the end of the month.`;
  assert.equal(resolved(text, 'Friday'), '2024-06-21');
  assert.equal(resolved(text, 'August'), '2024-08-31');
  assert.equal(resolved(text, 'May'), '2025-05');
  assert.equal(resolved(text, 'end of the month'), '2024-06-30');
});

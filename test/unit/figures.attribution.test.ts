import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/analysis/article';
import { attributeFigures, type Attribution } from '../../server/src/analysis/figures/attribution';
import { findFigures } from '../../server/src/analysis/figures/findFigures';

/** Each figure's text with how it is credited ("-" when it is not) and the source named. */
function credits(text: string): Array<[string, string, string?]> {
  const article = parseArticle({ uri: 'file:///a.txt', text });
  const figures = findFigures(article);
  const attributions = attributeFigures(article, figures);
  return figures.map((figure, i) => row(figure.text, attributions[i]));
}

function row(figure: string, attribution: Attribution | undefined): [string, string, string?] {
  if (!attribution) return [figure, '-'];
  return attribution.source === undefined ? [figure, attribution.kind] : [figure, attribution.kind, attribution.source];
}

test('"according to" and a reporting verb credit the figures of their sentence', () => {
  assert.deepEqual(
    credits(
      'According to a US declaration in February, Russia has received more than 10,000 shipping containers.\n\n' +
        "South Korea's Defense Minister Shin Won-sik said the country tracked approximately 10,000 containers.\n\n" +
        'The strike involves about 3,200 workers, the port union said.\n\n' +
        'A survey by the county found 40 percent of homes lack broadband.\n\n' +
        "The city's annual report shows 212,000 visitors.",
    ),
    [
      ['more than 10,000 shipping containers', 'sentence', 'a US declaration in February'],
      ['approximately 10,000 containers', 'sentence', "South Korea's Defense Minister Shin Won-sik"],
      ['about 3,200 workers', 'sentence', 'the port union'],
      ['40 percent', 'sentence', 'A survey by the county'],
      ['212,000 visitors', 'sentence', "The city's annual report"],
    ],
  );
});

test('a figure in a quotation is credited to the speaker, also when the quotation runs over paragraphs', () => {
  assert.deepEqual(
    credits(
      '"We lost 40 homes in one night," said Rosa Delgado, who lives on Mill Street.\n\n' +
        'Cronin said: "They moved 600 trucks across the border.\n\n' +
        '"And another 300 trucks are waiting."',
    ),
    [
      ['40 homes', 'quote', 'Rosa Delgado'],
      ['600 trucks', 'quote', 'Cronin'],
      ['another 300 trucks', 'quote', 'Cronin'],
    ],
  );
});

test('a sentence continuing the previous sentence\'s source in the same paragraph is credited, its pronoun resolved', () => {
  assert.deepEqual(credits('The ministry said it was monitoring the strike. It added that 40 percent of shipments are exempt.'), [['40 percent', 'sentence', 'The ministry']]);
  assert.deepEqual(credits('The department said 58 cases were confirmed. Eleven people have been hospitalized.'), [
    ['58 cases', 'sentence', 'The department'],
    ['Eleven people', 'continuation', 'The department'],
  ]);
});

test('a source in another paragraph does not carry over', () => {
  assert.deepEqual(credits('The department said the outbreak was growing.\n\nEleven people have been hospitalized.'), [['Eleven people', '-']]);
});

test('passives without an agent, "an estimated", "declined to say" and "reportedly" credit no one', () => {
  assert.deepEqual(
    credits(
      'More than 40 deaths were reported on Monday.\n\n' +
        'The reef supports an estimated 64,000 jobs.\n\n' +
        'He joined for a fee reported at 4 million pounds.\n\n' +
        'Officials declined to say whether 300 homes were lost.\n\n' +
        'About 9,000 customers reportedly lost power.\n\n' +
        'The storm claimed 40 lives.',
    ),
    [
      ['More than 40 deaths', '-'],
      ['an estimated 64,000 jobs', '-'],
      ['4 million pounds', '-'],
      ['300 homes', '-'],
      ['About 9,000 customers', '-'],
      ['40 lives', '-'],
    ],
  );
  assert.deepEqual(credits('More than 40 deaths were reported by the health ministry.'), [['More than 40 deaths', 'sentence', 'the health ministry']]);
});

test('a report in a subordinate or relative clause credits only that clause', () => {
  assert.deepEqual(credits('Shares rose 12 percent after the company reported strong sales.'), [['12 percent', '-']]);
  assert.deepEqual(credits('The council approved a $48.6 million budget to close a shortfall that officials had put at $2.3 million.'), [
    ['$48.6 million', '-'],
    ['$2.3 million', 'sentence', 'officials'],
  ]);
});

test('a figure repeated in the article, or summed up in a headline, is credited once it is credited in the body', () => {
  assert.deepEqual(credits('Wildfire grows to 31,000 acres\n\nThe fire had burned 31,000 acres by Wednesday, the state fire agency said.\n\nCrews fought to hold the 31,000 acres.'), [
    ['31,000 acres', 'article'],
    ['31,000 acres', 'sentence', 'the state fire agency'],
    ['31,000 acres', 'article'],
  ]);
  assert.deepEqual(credits('Measles cases climb to 58\n\nConfirmed cases have risen to 58, the health department said.'), [
    ['58', 'headline'],
    ['58', 'sentence', 'the health department'],
  ]);
  assert.deepEqual(credits('Wildfire grows to 31,000 acres\n\nThe fire had burned 31,000 acres by Wednesday.'), [
    ['31,000 acres', '-'],
    ['31,000 acres', '-'],
  ]);
});

test('an inserted "(source: …)" credits the figure once it names someone, and not while empty', () => {
  assert.deepEqual(credits('More than 600 trucks (source: ) crossed the border.'), [['More than 600 trucks', '-']]);
  assert.deepEqual(credits('More than 600 trucks (source: border police) crossed the border.'), [['More than 600 trucks', 'sentence', 'border police']]);
});

test('answers in a question-and-answer interview are the interviewee speaking; the questions are not', () => {
  assert.deepEqual(
    credits('Q&A with the mayor\n\nQ: The budget gap is projected at $64 million. How do you close it?\n\nA: Sales tax revenue is up 6 percent, and we froze 150 positions.'),
    [
      ['$64 million', '-'],
      ['6 percent', 'quote'],
      ['150 positions', 'quote'],
    ],
  );
  assert.deepEqual(credits('Transcript\n\nOKONKWO: We opened 240 beds.\n\nREPORTER: And the rest?\n\nOKONKWO: We moved 600 people.'), [
    ['240 beds', 'quote', 'OKONKWO'],
    ['600 people', 'quote', 'OKONKWO'],
  ]);
  assert.deepEqual(credits('Update\n\nA: lone answer with 600 trucks but no questions.'), [['600 trucks', '-']]);
});

test('a counted group that speaks ("Another 11 percent said") passes no source on to the next sentence', () => {
  assert.deepEqual(credits('Another 11 percent said they were undecided. The survey of 1,012 voters has a margin of error of 3.1 percentage points.'), [
    ['Another 11 percent', 'sentence'],
    ['1,012 voters', '-'],
    ['3.1 percentage points', '-'],
  ]);
});

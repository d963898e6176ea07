/**
 * Pieces of news prose for generated articles: sentences with figures, dates, quotations and sources,
 * some in other scripts. Shared by the robustness tests (seeded) and the property tests (fast-check).
 */
import { Prng } from '../bench/prng';

export const SUBJECTS = ['The council', 'The ministry', 'Officials', 'The company', 'Police', 'The mayor', 'Residents', 'The union', 'Researchers', 'The hospital'];
export const VERBS = ['said', 'reported', 'announced', 'estimated', 'confirmed', 'denied', 'expects', 'warned'];
export const OBJECTS = ['people were evacuated', 'homes lost power', 'jobs will be cut', 'patients were treated', 'workers went on strike', 'tonnes of grain rotted', 'votes were counted', 'trees were planted'];
export const FIGURES = ['4,500', '12', '3.2 million', '$45 million', '17 percent', 'nearly 900', 'more than 2,000', 'a third', '1.5%', '€2 billion', 'twelve'];
export const DATES = ['on Monday', 'last Tuesday', 'on March 4, 2025', 'in June 2024', 'yesterday', 'two weeks ago', 'on 12 May', 'this year', 'in 1998', 'next Friday'];
export const SOURCES = ['according to the Labor Department', 'the agency said in a statement', 'a spokeswoman said', 'according to police figures', 'the report found'];
export const QUOTES = ['“We are doing everything we can,” she said.', '"It was chaos," a witness said.', '‘Nobody warned us,’ he added.', '«Это катастрофа», — сказал он.', '“정말 놀랐다”고 말했다.'];
export const FOREIGN = ['Совет города сообщил, что 4 500 человек были эвакуированы в понедельник.', '서울시는 월요일 1,200명이 대피했다고 밝혔다.', 'Число погибших выросло до 12 😢.', '市议会周一表示，有4500人被疏散。', 'Les autorités ont évacué 3 000 personnes mardi 🚒.', 'Emoji 👩‍👩‍👧 families 🇺🇦 waited 3 hours.'];

/** A sentence of news prose, with a figure, a date, a source or a quotation. */
export function newsSentence(rng: Prng): string {
  switch (rng.int(0, 5)) {
    case 0:
      return `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(FIGURES)} ${rng.pick(OBJECTS)} ${rng.pick(DATES)}.`;
    case 1:
      return `${rng.pick(FIGURES)} ${rng.pick(OBJECTS)} ${rng.pick(DATES)}, ${rng.pick(SOURCES)}.`;
    case 2:
      return rng.pick(QUOTES);
    case 3:
      return rng.pick(FOREIGN);
    case 4:
      return `${rng.pick(DATES).replace(/^\w/, (c) => c.toUpperCase())}, ${rng.pick(SUBJECTS).toLowerCase()} ${rng.pick(VERBS)} that ${rng.pick(FIGURES)} ${rng.pick(OBJECTS)}.`;
    default:
      return `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} the figure was ${rng.pick(FIGURES)}, up from ${rng.pick(FIGURES)} ${rng.pick(DATES)}.`;
  }
}

/** An article: a headline, a dateline and paragraphs of a few sentences, joined with `newline`. */
export function newsArticle(rng: Prng, paragraphs: number, newline = '\n'): string {
  const lines = [`${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(FIGURES)} ${rng.pick(OBJECTS)}`, `Posted March ${rng.int(1, 28)}, 2025`];
  for (let p = 0; p < paragraphs; p++) {
    const sentences: string[] = [];
    for (let s = rng.int(1, 4); s > 0; s--) sentences.push(newsSentence(rng));
    lines.push(sentences.join(' '));
  }
  return lines.join(newline + newline) + newline;
}

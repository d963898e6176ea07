/**
 * Copied and repeated passages on labelled articles in the format of test/fixtures/copies (see its README).
 * A copied-passage finding is right when it overlaps a labelled passage and one of its related passages
 * overlaps another occurrence of the same labelled passage; a labelled occurrence is found when such a
 * finding covers it.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Corpus } from '../../server/src/analysis/corpus';
import { CopyDetector } from '../../server/src/analysis/copies/copyDetector';
import type { CopyDetectorOptions } from '../../server/src/analysis/copies/options';
import { overlaps } from '../../server/src/analysis/spans';
import type { Finding, Span } from '../../server/src/analysis/types';
import type { EvalSection, FixtureSet } from './report';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const COPIES_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'copies');
const OWN_COPIES: FixtureSet = { name: 'own fixtures', folder: COPIES_FIXTURES, targets: { precision: 0.9, recall: 0.85 } };

interface Quote {
  from: string;
  to: string;
  /** Which occurrence of `from` starts the span, counting from 1. */
  nth?: number;
}

interface Labels {
  passages: Array<{ name: string; occurrences: Array<Quote & { file: string }> }>;
  repeats: Array<{ file: string; occurrences: Quote[] }>;
}

export interface Occurrence {
  family: string;
  uri: string;
  span: Span;
}

export interface CopyFixtures {
  articles: Array<{ uri: string; text: string }>;
  copies: Occurrence[];
  repeats: Occurrence[];
}

export const fixtureUri = (file: string, folder = COPIES_FIXTURES): string => pathToFileURL(path.join(folder, file)).href;

function locate(text: string, quote: Quote, where: string): Span {
  let start = -1;
  for (let n = 0; n < (quote.nth ?? 1); n++) start = text.indexOf(quote.from, start + 1);
  const end = start < 0 ? -1 : text.indexOf(quote.to, start);
  if (start < 0 || end < 0) throw new Error(`${where}: label "${quote.from}" … "${quote.to}" is not in the text`);
  return { start, end: end + quote.to.length };
}

/** The fixture articles and their labelled passages, resolved to offsets. */
export async function readCopyFixtures(folder = COPIES_FIXTURES): Promise<CopyFixtures> {
  const labels = JSON.parse(await fs.readFile(path.join(folder, 'labels.json'), 'utf8')) as Labels;
  const names = (await fs.readdir(folder)).filter((name) => name.endsWith('.txt')).sort();
  const texts = new Map<string, string>();
  for (const name of names) texts.set(name, await fs.readFile(path.join(folder, name), 'utf8'));
  const uriOf = (file: string): string => fixtureUri(file, folder);
  const textOf = (file: string): string => {
    const text = texts.get(file);
    if (text === undefined) throw new Error(`labels.json names ${file}, which is not a fixture`);
    return text;
  };
  const copies = labels.passages.flatMap((passage) =>
    passage.occurrences.map((o) => ({ family: passage.name, uri: uriOf(o.file), span: locate(textOf(o.file), o, o.file) })),
  );
  const repeats = labels.repeats.flatMap((repeat, i) =>
    repeat.occurrences.map((o) => ({ family: `repeat ${i}`, uri: uriOf(repeat.file), span: locate(textOf(repeat.file), o, repeat.file) })),
  );
  return { articles: names.map((name) => ({ uri: uriOf(name), text: texts.get(name)! })), copies, repeats };
}

const fileOf = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);
const snippet = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 70 ? `${flat.slice(0, 70)}…` : flat;
};

/** Labelled occurrences a finding rightly reports: it covers them and points at another occurrence of theirs. */
function confirmed(finding: Finding, labels: Occurrence[]): Occurrence[] {
  return labels.filter(
    (o) =>
      o.uri === finding.uri &&
      overlaps(o.span, finding.span) &&
      finding.related.some((r) => labels.some((other) => other !== o && other.family === o.family && other.uri === r.uri && overlaps(other.span, r.span))),
  );
}

interface Tally {
  found: Set<Occurrence>;
  falseAlarms: string[];
}

function tally(findings: Finding[], labels: Occurrence[]): Tally {
  const found = new Set<Occurrence>();
  const falseAlarms: string[] = [];
  for (const finding of findings) {
    const hits = confirmed(finding, labels);
    for (const hit of hits) found.add(hit);
    if (hits.length === 0) falseAlarms.push(`${fileOf(finding.uri)}: "${snippet(finding.text)}" (${finding.message})`);
  }
  return { found, falseAlarms };
}

export async function evaluateCopies(set: FixtureSet = OWN_COPIES, options: Partial<CopyDetectorOptions> = {}): Promise<EvalSection> {
  const fixtures = await readCopyFixtures(set.folder);
  const corpus = new Corpus([new CopyDetector(options)]);
  for (const article of fixtures.articles) corpus.upsert(article);
  const findings = fixtures.articles.flatMap((a) => corpus.findings(a.uri));
  const copies = tally(
    findings.filter((f) => f.code === 'copied-passage'),
    fixtures.copies,
  );
  const repeats = tally(
    findings.filter((f) => f.code === 'repeated-passage'),
    fixtures.repeats,
  );
  const missed = fixtures.copies.filter((o) => !copies.found.has(o));
  const perFile = new Map<string, [number, number]>();
  for (const o of fixtures.copies) {
    const [hit, all] = perFile.get(fileOf(o.uri)) ?? [0, 0];
    perFile.set(fileOf(o.uri), [hit + (copies.found.has(o) ? 1 : 0), all + 1]);
  }
  return {
    title: `copied passages — ${set.name} (labelled occurrences found; false alarms are findings)`,
    truePositives: copies.found.size,
    falsePositives: copies.falseAlarms.length,
    falseNegatives: missed.length,
    targets: set.targets,
    details: [
      `found per file: ${[...perFile].map(([file, [hit, all]]) => `${file} ${hit}/${all}`).join(', ')}`,
      ...missed.map((o) => `missed: ${fileOf(o.uri)} "${o.family}"`),
      ...copies.falseAlarms.map((line) => `false alarm: ${line}`),
      `repeated passages: found ${repeats.found.size}/${fixtures.repeats.length}, false alarms ${repeats.falseAlarms.length}`,
      ...repeats.falseAlarms.map((line) => `false alarm: ${line}`),
    ],
  };
}

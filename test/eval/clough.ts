/**
 * Copied passages on the Clough & Stevenson short-answer corpus: are the answers that reuse a task's
 * source text (cut, light, heavy) linked to it, and the independently written ones (non) not?
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Corpus } from '../../server/src/analysis/corpus';
import { CopyDetector } from '../../server/src/analysis/copies/copyDetector';
import type { CopyDetectorOptions } from '../../server/src/analysis/copies/options';
import type { EvalSection } from './report';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLOUGH_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'corpora', 'clough-stevenson');
const TITLE = 'copied passages — Clough & Stevenson answers linked to their source';
const CLASSES = ['cut', 'light', 'heavy', 'non'] as const;
type AnswerClass = (typeof CLASSES)[number];

export interface CloughFile {
  name: string;
  task: string;
  category: AnswerClass | 'orig';
  text: string;
}

/** Every file of the corpus with its label; undefined when the corpus is not there. */
export async function readClough(): Promise<CloughFile[] | undefined> {
  let csv: string;
  try {
    csv = await fs.readFile(path.join(CLOUGH_DIR, 'file_information.csv'), 'utf8');
  } catch {
    return undefined;
  }
  const files: CloughFile[] = [];
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const [name, task, category] = line.split(',').map((cell) => cell.trim());
    if (!name) continue;
    const text = decode(await fs.readFile(path.join(CLOUGH_DIR, name)));
    files.push({ name, task, category: category as CloughFile['category'], text });
  }
  return files;
}

/** Most files are UTF-8; a few were saved in Windows-1252, which the product refuses but this corpus needs. */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const uriOf = (name: string): string => pathToFileURL(path.join(CLOUGH_DIR, name)).href;

export async function evaluateClough(options: Partial<CopyDetectorOptions> = {}): Promise<EvalSection> {
  const files = await readClough();
  if (!files) {
    return { title: TITLE, truePositives: 0, falsePositives: 0, falseNegatives: 0, details: [`skipped: no corpus at ${CLOUGH_DIR}`] };
  }
  const corpus = new Corpus([new CopyDetector(options)]);
  const started = performance.now();
  for (const file of files) corpus.upsert({ uri: uriOf(file.name), text: file.text });
  const byUri = new Map(files.map((f) => [uriOf(f.name), f]));
  const linked = new Map<AnswerClass, number>(CLASSES.map((c) => [c, 0]));
  const total = new Map<AnswerClass, number>(CLASSES.map((c) => [c, 0]));
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  const answerLinks = new Map<string, number>();
  for (const file of files) {
    if (file.category === 'orig') continue;
    const related = corpus
      .findings(uriOf(file.name))
      .filter((f) => f.code === 'copied-passage')
      .flatMap((f) => f.related.map((r) => byUri.get(r.uri)));
    const isLinked = related.some((other) => other?.category === 'orig' && other.task === file.task);
    total.set(file.category, total.get(file.category)! + 1);
    if (isLinked) linked.set(file.category, linked.get(file.category)! + 1);
    if (isLinked && file.category === 'non') falseAlarms.push(file.name);
    if (!isLinked && file.category !== 'non') misses.push(`${file.name} (${file.category})`);
    for (const other of new Set(related)) {
      if (!other || other.category === 'orig' || other.name < file.name) continue;
      const key = [file.category, other.category].sort().join('–');
      answerLinks.set(key, (answerLinks.get(key) ?? 0) + 1);
    }
  }
  const elapsed = performance.now() - started;
  const relevant = total.get('cut')! + total.get('light')! + total.get('heavy')!;
  const truePositives = linked.get('cut')! + linked.get('light')! + linked.get('heavy')!;
  const falsePositives = linked.get('non')!;
  const answers = relevant + total.get('non')!;
  const correct = truePositives + (total.get('non')! - falsePositives);
  return {
    title: TITLE,
    truePositives,
    falsePositives,
    falseNegatives: relevant - truePositives,
    accuracy: answers === 0 ? 0 : correct / answers,
    targets: { accuracy: 0.95, precision: 1 },
    details: [
      `linked to their source: ${CLASSES.map((c) => `${c} ${linked.get(c)}/${total.get(c)}`).join(', ')}`,
      `answer–answer links (not scored): ${answerLinks.size === 0 ? 'none' : [...answerLinks].map(([k, n]) => `${k} ${n}`).join(', ')}`,
      `misses: ${misses.length === 0 ? 'none' : misses.join(', ')}`,
      `false alarms: ${falseAlarms.length === 0 ? 'none' : falseAlarms.join(', ')}`,
      `${files.length} files indexed and checked in ${elapsed.toFixed(0)} ms`,
    ],
  };
}

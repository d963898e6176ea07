import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { dateline, randomDate, relativeDatePhrase } from './datelines';
import { Prng } from './prng';
import { reword } from './rewording';
import { loadSpeechSentences, SentenceModel } from './sentenceModel';

/** Bump when the generated text changes, so corpora written before are rebuilt. */
const GENERATOR_VERSION = 1;
const MEAN_ARTICLE_BYTES = 5000;
const LONG_ARTICLE_WORDS = 5000;
export const LONG_ARTICLE_NAME = 'long-read.txt';

/** Share of articles that carry each kind of injected passage. */
const VERBATIM_COPY_RATE = 0.08;
const REWORDED_COPY_RATE = 0.05;
const SELF_REPEAT_RATE = 0.02;
/** Copies are taken from articles published shortly before, as in a news cycle. */
const COPY_WINDOW = 2000;

export interface CorpusManifest {
  generatorVersion: number;
  seed: number;
  count: number;
  /** Files in the folder: the articles plus the long article used for typing. */
  files: number;
  bytes: number;
  words: number;
  injected: { verbatim: number; reworded: number; selfRepeat: number; relativeDates: number; figures: number };
  longArticle: string;
  longArticleWords: number;
}

export interface BenchCorpus {
  dir: string;
  manifest: CorpusManifest;
}

const SOURCES = ['according to the Labor Department', 'the Census Bureau said', 'according to a Treasury report', 'the agency said in a statement', 'according to figures from the state budget office', 'a spokeswoman for the ministry said'];
const FIGURE_TEMPLATES: Array<(rng: Prng) => string> = [
  (rng) => `Unemployment fell to ${rng.int(3, 9)}.${rng.int(0, 9)} percent`,
  (rng) => `The program will cost $${rng.int(2, 900)} million over ${rng.int(2, 10)} years`,
  (rng) => `Spending on the project reached $${rng.int(1, 40)}.${rng.int(1, 9)} billion`,
  (rng) => `About ${rng.int(2, 95)},${String(rng.int(0, 999)).padStart(3, '0')} households were affected`,
  (rng) => `Prices rose ${rng.int(1, 12)}.${rng.int(0, 9)} percent from a year earlier`,
  (rng) => `The fund now holds ${rng.int(2, 60)} million dollars`,
];

/** A sentence with a figure, credited to a source or not. */
function figureSentence(rng: Prng): string {
  const claim = rng.pick(FIGURE_TEMPLATES)(rng);
  return rng.chance(0.5) ? `${claim}, ${rng.pick(SOURCES)}.` : `${claim}.`;
}

function lowerFirst(sentence: string): string {
  const first = sentence.split(' ')[0];
  return /^[A-Z][a-z]+$/.test(first) && first !== 'I' ? sentence[0].toLowerCase() + sentence.slice(1) : sentence;
}

function wrap(paragraph: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function titleCase(sentence: string, words: number): string {
  return sentence
    .replace(/[.!?,;:"“”]/g, '')
    .split(' ')
    .slice(0, words)
    .map((w) => (w.length > 3 ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/**
 * Writes a deterministic archive of news-like articles. Article i depends only on the seed and on
 * articles before it, so the corpus of 1,000 articles is the first 1,000 of the corpus of 10,000.
 */
class ArchiveWriter {
  private readonly rng: Prng;
  private readonly paragraphsOf: string[][] = [];
  readonly injected = { verbatim: 0, reworded: 0, selfRepeat: 0, relativeDates: 0, figures: 0 };

  constructor(
    private readonly model: SentenceModel,
    private readonly seed: number,
  ) {
    this.rng = new Prng(seed);
  }

  /** Body paragraphs until `done` says there are enough, with relative dates and figures mixed in. */
  private paragraphs(rng: Prng, published: Date, done: (paragraphs: string[]) => boolean): string[] {
    const paragraphs: string[] = [];
    while (!done(paragraphs)) {
      const sentences: string[] = [];
      const count = rng.int(1, 4);
      for (let s = 0; s < count; s++) sentences.push(this.model.sentence(rng));
      if (rng.chance(0.15)) {
        const phrase = relativeDatePhrase(rng, published);
        sentences[0] = rng.chance(0.5) ? phrase.opener + lowerFirst(sentences[0]) : sentences[0].replace(/([.!?])$/, `${phrase.closer}$1`);
        this.injected.relativeDates++;
      }
      if (rng.chance(0.12)) {
        sentences.splice(rng.int(0, sentences.length), 0, figureSentence(rng));
        this.injected.figures++;
      }
      paragraphs.push(sentences.join(' '));
    }
    return paragraphs;
  }

  /** Article `index`: headline, dateline, body, and now and then a passage from an earlier article. */
  article(index: number): { text: string; published: Date } {
    const rng = this.rng;
    const published = randomDate(rng);
    const target = Math.max(1800, Math.min(9000, rng.around(MEAN_ARTICLE_BYTES, 1400)));
    const body = this.paragraphs(rng, published, (ps) => ps.reduce((n, p) => n + p.length + 2, 0) >= target);
    const earlier = (): string[] => this.paragraphsOf[rng.int(Math.max(0, index - COPY_WINDOW), index - 1)];
    const insertAt = (): number => rng.int(1, body.length);
    if (index > 0 && rng.chance(VERBATIM_COPY_RATE)) {
      body.splice(insertAt(), 0, rng.pick(earlier()));
      this.injected.verbatim++;
    }
    if (index > 0 && rng.chance(REWORDED_COPY_RATE)) {
      body.splice(insertAt(), 0, reword(rng.pick(earlier()), rng));
      this.injected.reworded++;
    }
    if (body.length > 3 && rng.chance(SELF_REPEAT_RATE)) {
      body.push(body[rng.int(1, body.length - 2)]);
      this.injected.selfRepeat++;
    }
    this.paragraphsOf.push(body);
    return { text: layout(rng, titleCase(this.model.sentence(rng), rng.int(5, 10)), published, body), published };
  }

  /**
   * The long feature the typing test edits, with passages from articles anywhere in the archive. It
   * draws from its own generator, so the archive stays a prefix of larger ones.
   */
  longArticle(): string {
    const rng = new Prng(this.seed ^ 0x5eed);
    const published = randomDate(rng);
    const words = (ps: string[]) => ps.reduce((n, p) => n + p.split(' ').length, 0);
    const body = this.paragraphs(rng, published, (ps) => words(ps) >= LONG_ARTICLE_WORDS);
    const anyParagraph = () => rng.pick(this.paragraphsOf[rng.int(0, this.paragraphsOf.length - 1)]);
    for (let i = 0; i < 3; i++) body.splice(rng.int(1, body.length), 0, anyParagraph());
    for (let i = 0; i < 2; i++) body.splice(rng.int(1, body.length), 0, reword(anyParagraph(), rng));
    return layout(rng, 'A Long Look at the Year Ahead', published, body, 'blank-lines');
  }
}

/** The article as a file: headline, dateline and paragraphs in one of the layouts news sites export. */
function layout(rng: Prng, headline: string, published: Date, body: string[], style?: 'blank-lines'): string {
  const line = dateline(rng, published);
  const paragraphs = [...body];
  if (line.lead) paragraphs[0] = line.lead + paragraphs[0];
  const roll = style === 'blank-lines' ? 0 : rng.next();
  const head = [headline, line.line].filter((s): s is string => !!s);
  if (roll < 0.7) return `${head.join('\n\n')}\n\n${paragraphs.join('\n\n')}\n`;
  if (roll < 0.9) return `${head.join('\n')}\n${paragraphs.join('\n')}\n`;
  return `${head.join('\n\n')}\n\n${paragraphs.map((p) => wrap(p, 72)).join('\n\n')}\n`;
}

function articlePath(index: number, published: Date): string {
  // Archives are usually kept in folders by month.
  const month = published.toISOString().slice(0, 7);
  return path.join(month, `article-${String(index).padStart(6, '0')}.txt`);
}

function manifestMatches(file: string, seed: number, count: number): CorpusManifest | undefined {
  if (!existsSync(file)) return undefined;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as CorpusManifest;
  return manifest.generatorVersion === GENERATOR_VERSION && manifest.seed === seed && manifest.count === count ? manifest : undefined;
}

let cachedModel: SentenceModel | undefined;

/** The corpus of `count` articles under `root`, generated unless a matching one is already there. */
export function ensureCorpus(root: string, count: number, seed: number, log: (line: string) => void): BenchCorpus {
  const dir = path.join(root, `articles-${count}-seed${seed}`);
  const existing = manifestMatches(path.join(dir, 'manifest.json'), seed, count);
  if (existing) return { dir, manifest: existing };

  const started = Date.now();
  cachedModel ??= new SentenceModel(loadSpeechSentences());
  const writer = new ArchiveWriter(cachedModel, seed);
  const staging = `${dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  let bytes = 0;
  let words = 0;
  const write = (relative: string, text: string): void => {
    const file = path.join(staging, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    words += text.split(/\s+/).filter(Boolean).length;
  };
  for (let i = 0; i < count; i++) {
    const { text, published } = writer.article(i);
    write(articlePath(i, published), text);
    if ((i + 1) % 5000 === 0) log(`  generated ${i + 1} of ${count} articles`);
  }
  const long = writer.longArticle();
  write(LONG_ARTICLE_NAME, long);
  const manifest: CorpusManifest = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    count,
    files: count + 1,
    bytes,
    words,
    injected: writer.injected,
    longArticle: LONG_ARTICLE_NAME,
    longArticleWords: long.split(/\s+/).filter(Boolean).length,
  };
  // The manifest is written last and the folder renamed into place, so an interrupted run is never reused.
  writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  log(`  wrote ${count} articles (${(bytes / 1e6).toFixed(1)} MB) to ${path.relative(process.cwd(), dir)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { dir, manifest };
}

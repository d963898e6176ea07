/**
 * Child process of the pathological-input test: analyses what it is sent as the server would (findings
 * and highlighting) and reports the CPU time it took. It measures each stress text whole and its first
 * quarter, and ordinary news prose for reference, each the better of two runs so that a moment of load on a
 * shared machine does not count against the text.
 */
import { readFileSync } from 'node:fs';
import { createCorpus } from '../../server/src/analysis';
import { semanticTokensFor } from '../../server/src/lsp/semanticTokens';
import { checkFindingTexts, fixtureArticles } from './harness';
import { PATHOLOGICAL_INPUTS } from './pathologicalInputs';

export interface Measurement {
  characters: number;
  cpuMs: number;
  findings: number;
}

export interface PathologicalResult {
  name: string;
  whole: Measurement;
  /** The first quarter of the text. */
  quarter: Measurement;
  error?: string;
}

export interface ProseResult {
  prose: Measurement;
}

/** The name under which the parent asks for the reference measurement. */
export const PROSE = '(ordinary prose)';

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Collects the garbage of earlier measurements, when the process allows it, so that none pays for another's. */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function analyse(text: string, uri: string): Measurement {
  collectGarbage();
  const started = cpuMs();
  const corpus = createCorpus();
  corpus.upsert({ uri, text });
  const findings = corpus.findings(uri);
  semanticTokensFor(corpus.get(uri)!, findings);
  const spent = cpuMs() - started;
  checkFindingTexts(findings, (u) => (u === uri ? text : undefined));
  return { characters: text.length, cpuMs: spent, findings: findings.length };
}

function bestOfTwo(text: string, uri: string): Measurement {
  const first = analyse(text, uri);
  const second = analyse(text, uri);
  return first.cpuMs <= second.cpuMs ? first : second;
}

/** The first quarter of a text, without splitting a surrogate pair. */
function firstQuarter(text: string): string {
  let end = Math.floor(text.length / 4);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end);
}

/** Every fixture and sample article, each analysed on its own as a stress text is. */
const proseArticles = fixtureArticles().map((file) => readFileSync(file, 'utf8'));

function analyseProse(): Measurement {
  const total: Measurement = { characters: 0, cpuMs: 0, findings: 0 };
  proseArticles.forEach((text, i) => {
    const one = analyse(text, `file:///prose-${i}.txt`);
    total.characters += one.characters;
    total.cpuMs += one.cpuMs;
    total.findings += one.findings;
  });
  return total;
}

// The budget is for the analysis, not for loading the language model or the first calls into chrono and the
// detectors (hundreds of milliseconds, once per process): the prose, read once before any clock starts,
// takes every path.
analyseProse();

process.on('message', (name: string) => {
  if (name === PROSE) {
    const [first, second] = [analyseProse(), analyseProse()];
    process.send!({ prose: first.cpuMs <= second.cpuMs ? first : second } satisfies ProseResult);
    return;
  }
  const text = PATHOLOGICAL_INPUTS[name]();
  const uri = `file:///${encodeURIComponent(name)}.txt`;
  const empty: Measurement = { characters: text.length, cpuMs: 0, findings: 0 };
  const result: PathologicalResult = { name, whole: empty, quarter: empty };
  try {
    result.whole = bestOfTwo(text, uri);
    result.quarter = bestOfTwo(firstQuarter(text), uri);
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  process.send!(result);
});

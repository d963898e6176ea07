/**
 * `npm run bench`: builds (or reuses) benchmark corpora, measures the language server over LSP and the
 * command line, profiles where the time goes, and writes BENCHMARKS.md. It reports; it never fails the
 * build over a missed budget (exit 1 only when the harness itself breaks).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../protocol/lspClient';
import { timeCli } from './cliTiming';
import { ensureCorpus, type BenchCorpus } from './corpusBuilder';
import { breakDown, profilesOf } from './cpuProfile';
import { measureEngineCosts } from './engineCosts';
import { coldIndex, interactive, type Session } from './lspSession';
import { machineInfo } from './machine';
import { markdown, summary } from './report';
import { coldMedianMs, predictColdMs, type BenchResults, type SizeResult } from './results';
import { median } from './stats';

const CORPUS_ROOT = path.join(REPO_ROOT, 'bench-corpus');
const DEFAULT_SEED = 20250611;
/** Cold runs per size: more where they are cheap, since the machine is noisy. */
const DEFAULT_RUNS: Record<number, number> = { 1000: 5, 3000: 3, 10000: 3, 30000: 2 };
const PROFILE_SIZE = 3000;
const DEBOUNCE_CORPUS = 100;
const INTERACTIVE_PLAN = { keystrokes: 48, warmup: 4, requests: 40, maxTypingMs: 60_000 };

const log = (line: string): void => void process.stdout.write(`${line}\n`);

/**
 * The server is run from a copy of the bundle taken when the benchmark starts, so a rebuild of `dist/`
 * during a long run cannot change the code under measurement halfway.
 */
const SERVER_COPY = path.join(CORPUS_ROOT, 'server-under-test');
const SERVER_SCRIPT = path.join(SERVER_COPY, 'server.js');

function copyServerBundle(): void {
  rmSync(SERVER_COPY, { recursive: true, force: true });
  cpSync(path.join(REPO_ROOT, 'dist'), SERVER_COPY, { recursive: true });
}

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      'no-profile': { type: 'boolean', default: false },
      out: { type: 'string' },
      'budget-min': { type: 'string' },
    },
  });
  const sizes = values.sizes
    ? values.sizes.split(',').map((s) => Number(s.trim()))
    : values.quick
      ? [1000, 3000]
      : values.full
        ? [1000, 3000, 10000, 30000]
        : [1000, 3000, 10000];
  if (sizes.some((n) => !Number.isInteger(n) || n < 2)) throw new Error(`--sizes takes whole numbers of articles, not '${values.sizes}'`);
  return {
    sizes: sizes.sort((a, b) => a - b),
    runs: (n: number) => (values.runs ? Number(values.runs) : values.quick ? 3 : (DEFAULT_RUNS[n] ?? 3)),
    seed: values.seed ? Number(values.seed) : DEFAULT_SEED,
    profile: !values['no-profile'],
    budgetMinutes: values['budget-min'] ? Number(values['budget-min']) : values.quick ? 8 : values.full ? 40 : 14,
    out: values.out ?? path.join(REPO_ROOT, 'BENCHMARKS.md'),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  };
}

/** Time allowed for a cold index before the run is recorded as timed out; never less than five minutes. */
const MIN_TIMEOUT_MS = 300_000;
const timeoutFor = (corpus: BenchCorpus): number => Math.max(MIN_TIMEOUT_MS, corpus.manifest.files * 60);

function baseline(corpus: BenchCorpus): { wallMs: number; innerMs: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(__dirname, 'baselineRead.js'), corpus.dir], { encoding: 'utf8' });
  const wallMs = performance.now() - started;
  const { ms, files } = JSON.parse(result.stdout) as { ms: number; files: number };
  if (files !== corpus.manifest.files) throw new Error(`baseline read ${files} files, expected ${corpus.manifest.files}`);
  return { wallMs, innerMs: ms };
}

/** Shuts the server down, or kills it when it is too busy to answer (a stuck server must not hang the run). */
async function stop(session: Session): Promise<void> {
  const kill = setTimeout(() => session.client.process.kill(), 15_000);
  await session.client.stop().catch(() => session.client.process.kill());
  clearTimeout(kill);
}

/**
 * Keeps the whole run near its time budget: fewer repetitions, and larger sizes skipped, when the server
 * is slower than planned. Predictions follow the growth measured so far.
 */
class TimeBudget {
  private readonly deadline: number;

  constructor(minutes: number) {
    this.deadline = Date.now() + minutes * 60_000;
  }

  get remainingMs(): number {
    return this.deadline - Date.now();
  }

  predict(sizes: SizeResult[], count: number): number | undefined {
    return predictColdMs(sizes, count)?.ms;
  }
}

/** One cold index of `corpus`, added to `result`; the first one also measures typing, hovers and code actions. */
async function coldRun(corpus: BenchCorpus, result: SizeResult, plannedRuns: number, timeoutMs: number, problems: string[]): Promise<void> {
  const first = result.runs.length === 0;
  if (first) baseline(corpus); // warms the page cache, so neither side pays for the disk
  result.baseline.push(baseline(corpus));
  const session = await coldIndex(corpus, { serverScript: SERVER_SCRIPT, initializationOptions: { debounceMs: 0 }, timeoutMs });
  result.runs.push(session.cold);
  const { wallMs, peakRssMB, note } = session.cold;
  log(`  ${corpus.manifest.count} articles, run ${result.runs.length}/${plannedRuns}: ${wallMs === undefined ? note : `${(wallMs / 1000).toFixed(2)} s`}, peak ${peakRssMB.toFixed(0)} MB (baseline ${(result.baseline.at(-1)!.wallMs / 1000).toFixed(3)} s)`);
  const unanalysed = session.cold.byCode['input-problem'] ?? 0;
  if (first && unanalysed > 0) problems.push(`${corpus.manifest.count} articles: the server reported ${unanalysed} file(s) it could not analyse; its log ends: ${session.cold.serverLog.join(' | ').slice(0, 500)}`);
  if (wallMs !== undefined && first) {
    try {
      result.interactive = await interactive(session, corpus, INTERACTIVE_PLAN);
      const { keystrokes, flagged } = result.interactive;
      log(`  typing: ${keystrokes.length} keystrokes, median ${median(keystrokes).toFixed(1)} ms; ${flagged} findings in the long article`);
    } catch (error) {
      problems.push(`interactive measurements at ${corpus.manifest.count} articles failed: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  await stop(session);
}

/**
 * What the debounce adds on top of the analysis: the same keystrokes with `debounceMs: 0` and with the
 * default setting, in a small workspace so this costs seconds whatever the engine's speed.
 */
async function measureDebounce(seed: number, results: BenchResults): Promise<void> {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: number }> } } };
  const debounceMs = manifest.contributes.configuration.properties['provenance.debounceMs']?.default ?? 150;
  const corpus = ensureCorpus(CORPUS_ROOT, DEBOUNCE_CORPUS, seed, log);
  // A regular-length article, whose analysis is short enough for the debounce to stand out from the noise.
  const article = (readdirSync(corpus.dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.txt') && f.includes(path.sep)).sort()[0];
  const typing = async (ms: number) => {
    const session = await coldIndex(corpus, { serverScript: SERVER_SCRIPT, initializationOptions: { debounceMs: ms }, timeoutMs: timeoutFor(corpus) });
    try {
      return await interactive(session, corpus, { keystrokes: 16, warmup: 2, requests: 0, maxTypingMs: 30_000, article });
    } finally {
      await stop(session);
    }
  };
  const without = await typing(0);
  const withDefault = await typing(debounceMs);
  results.debounce = { debounceMs, corpusArticles: corpus.manifest.count, article, words: without.words, keystrokes: withDefault.keystrokes, withoutDebounce: without.keystrokes, note: withDefault.note ?? without.note };
}

async function profile(corpus: BenchCorpus, results: BenchResults): Promise<void> {
  const dir = path.join(CORPUS_ROOT, 'profiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const session = await coldIndex(corpus, { serverScript: SERVER_SCRIPT, initializationOptions: { debounceMs: 0 }, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`], timeoutMs: timeoutFor(corpus) * 2 });
  const pid = session.client.process.pid!;
  let typing;
  try {
    typing = await interactive(session, corpus, { keystrokes: 36, warmup: 0, requests: 20, maxTypingMs: 60_000 });
  } finally {
    await stop(session);
  }
  const files = profilesOf(dir, pid);
  if (files.length === 0) {
    results.problems.push('the profiled server wrote no .cpuprofile');
    return;
  }
  const { spawned, indexed } = session.clock;
  const quarter = (indexed - spawned) / 4;
  const [whole, typed, ...quarters] = breakDown(files, [
    { phase: 'Cold index', from: spawned, to: indexed },
    { phase: 'Typing (keystrokes in the long article)', from: typing.clock.typingStart, to: typing.clock.typingEnd },
    ...[1, 2, 3, 4].map((q) => ({ phase: `quarter ${q}`, from: spawned + (q - 1) * quarter, to: spawned + q * quarter })),
  ]);
  results.profile = { corpusArticles: corpus.manifest.count, phases: [whole, typed], coldQuarters: quarters, files: files.map((f) => path.relative(REPO_ROOT, f)), note: session.cold.note };
}

async function main(): Promise<void> {
  const opts = options();
  const started = Date.now();
  const budget = new TimeBudget(opts.budgetMinutes);
  const results: BenchResults = { date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', command: opts.command, machine: machineInfo(), loadAverageAfter: 0, durationS: 0, seed: opts.seed, sizes: [], skipped: [], problems: [] };
  log(`Provenance benchmark on ${results.machine.cpu} (${results.machine.cores} cores), Node ${results.machine.node}, load ${results.machine.loadAverage.toFixed(2)}, budget ${opts.budgetMinutes} min`);
  copyServerBundle();

  log('CLI on the seeds');
  results.cli = { ...timeCli(path.join(REPO_ROOT, 'seeds'), 7), target: 'seeds/' };

  const completed = (): SizeResult[] => results.sizes.filter((s) => s.runs.some((r) => r.wallMs !== undefined));
  const profiled = (): SizeResult | undefined => [...completed()].reverse().find((s) => s.manifest.count <= PROFILE_SIZE) ?? completed()[0];
  // Time the steps after the cold runs will need: two small runs for the debounce, the profiled run, and the in-process costs.
  const reserveMs = (profiledCount = profiled()?.manifest.count ?? 0): number => (budget.predict(completed(), DEBOUNCE_CORPUS) ?? 0) * 2 + (opts.profile ? 1.3 * (budget.predict(completed(), profiledCount) ?? 0) : 0) + 20_000;

  // First one run of every size that fits the budget (the growth curve needs sizes more than repetitions),
  // then more runs of each while time remains.
  const corpora: BenchCorpus[] = [];
  for (const count of opts.sizes) {
    const predicted = budget.predict(completed(), count);
    if (predicted !== undefined && predicted + reserveMs(count <= PROFILE_SIZE ? count : undefined) > budget.remainingMs) {
      results.skipped.push({ count, reason: `predicted cold index ${(predicted / 1000).toFixed(0)} s does not fit the ${opts.budgetMinutes}-minute budget` });
      log(`Skipping ${count} articles: ${results.skipped.at(-1)!.reason}`);
      continue;
    }
    log(`Corpus of ${count} articles`);
    const corpus = ensureCorpus(CORPUS_ROOT, count, opts.seed, log);
    log(`Cold index of ${corpus.manifest.files} files (${(corpus.manifest.bytes / 1e6).toFixed(1)} MB)`);
    const size: SizeResult = { manifest: corpus.manifest, runs: [], baseline: [] };
    results.sizes.push(size);
    // A slow first run may use what is left of the budget: its time says more than repetitions of smaller sizes.
    const timeoutMs = Math.max(timeoutFor(corpus), budget.remainingMs - reserveMs(count <= PROFILE_SIZE ? count : undefined));
    await coldRun(corpus, size, opts.runs(count), timeoutMs, results.problems);
    if (size.runs[0].wallMs === undefined) {
      results.problems.push(`stopped after ${count} articles: the cold index did not finish`);
      break;
    }
    corpora.push(corpus);
  }
  for (let run = 1; run < Math.max(...opts.sizes.map(opts.runs)); run++) {
    for (const corpus of corpora) {
      const size = results.sizes.find((s) => s.manifest === corpus.manifest)!;
      const planned = opts.runs(corpus.manifest.count);
      if (size.runs.length !== run || run >= planned || size.runs.some((r) => r.wallMs === undefined)) continue;
      if (size.runs[0].wallMs! + reserveMs() > budget.remainingMs) {
        results.problems.push(`${corpus.manifest.count} articles: ${run} of ${planned} cold runs, to stay within the time budget`);
        continue;
      }
      await coldRun(corpus, size, planned, Math.max(MIN_TIMEOUT_MS, 3 * size.runs[0].wallMs!), results.problems);
    }
  }

  log('Typing with and without the default debounce');
  await measureDebounce(opts.seed, results).catch((error: Error) => results.problems.push(`debounce measurement failed: ${error.message.split('\n')[0]}`));

  // The profiled run is about a third slower; a smaller corpus shows the same split when time is short.
  const target = [...completed()].reverse().find((s) => s.manifest.count <= PROFILE_SIZE && 1.3 * coldMedianMs(s)! < budget.remainingMs) ?? completed()[0];
  if (opts.profile && target) {
    const corpus = corpora.find((c) => c.manifest.count === target.manifest.count)!;
    log(`CPU profile of the server on ${corpus.manifest.count} articles`);
    await profile(corpus, results).catch((error: Error) => results.problems.push(`profile failed: ${error.message.split('\n')[0]}`));
  }

  const smallest = corpora[0];
  if (smallest) {
    log('Parsing costs in-process');
    results.engine = { ...measureEngineCosts(smallest, 200), corpusArticles: smallest.manifest.count };
  }

  results.loadAverageAfter = machineInfo().loadAverage;
  results.durationS = (Date.now() - started) / 1000;
  writeFileSync(path.join(CORPUS_ROOT, 'results.json'), JSON.stringify(results, null, 2));
  writeFileSync(opts.out, markdown(results));
  log(`\n${summary(results)}\n\nWrote ${path.relative(process.cwd(), opts.out)} and bench-corpus/results.json in ${(results.durationS / 60).toFixed(1)} min.`);
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});

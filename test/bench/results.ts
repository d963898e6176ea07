import type { CliTiming } from './cliTiming';
import type { CorpusManifest } from './corpusBuilder';
import type { PhaseBreakdown } from './cpuProfile';
import type { EngineCosts } from './engineCosts';
import type { ColdIndexResult, InteractiveResult } from './lspSession';
import type { MachineInfo } from './machine';
import { growthExponent, median } from './stats';

/** Everything one benchmark run measured; written to BENCHMARKS.md and, in full, to a JSON file. */
export interface BenchResults {
  date: string;
  command: string;
  machine: MachineInfo;
  loadAverageAfter: number;
  durationS: number;
  seed: number;
  sizes: SizeResult[];
  /** Sizes left out because the server was too slow for the time budget. */
  skipped: Array<{ count: number; reason: string }>;
  debounce?: { debounceMs: number; corpusArticles: number; article: string; words: number; keystrokes: number[]; withoutDebounce: number[]; note?: string };
  cli?: CliTiming & { target: string };
  engine?: EngineCosts & { corpusArticles: number };
  /** `coldQuarters`: the cold index cut into four equal stretches of time, to show how the work shifts (reading, then findings). */
  profile?: { corpusArticles: number; phases: PhaseBreakdown[]; coldQuarters: PhaseBreakdown[]; files: string[]; note?: string };
  /** Problems of the harness itself, reported rather than thrown so the rest still runs. */
  problems: string[];
}

export interface SizeResult {
  manifest: CorpusManifest;
  runs: ColdIndexResult[];
  /** The plain read-and-split pass: wall time of its process, and its own time without Node's start-up. */
  baseline: Array<{ wallMs: number; innerMs: number }>;
  interactive?: InteractiveResult;
}

export const BUDGETS = {
  budgetArticles: 10_000,
  coldIndexS: 30,
  peakRssMB: 1536,
  keystrokeP50Ms: 30,
  keystrokeP95Ms: 100,
  requestP95Ms: 20,
};

/** Median cold-index time of the runs that finished, in ms; undefined when none did. */
export function coldMedianMs(size: SizeResult): number | undefined {
  const finished = size.runs.flatMap((r) => (r.wallMs === undefined ? [] : [r.wallMs]));
  return finished.length > 0 ? median(finished) : undefined;
}

/**
 * Cold-index time at `count` articles predicted from the largest size measured. Growth is taken as at
 * least linear: fixed start-up costs flatten the curve at small sizes.
 */
export function predictColdMs(sizes: SizeResult[], count: number): { ms: number; exponent: number; from: SizeResult; fitted: boolean } | undefined {
  const measured = sizes.filter((s) => coldMedianMs(s) !== undefined);
  if (measured.length === 0) return undefined;
  const fitted = measured.length >= 2 ? growthExponent(measured.map((s) => ({ x: s.manifest.count, y: coldMedianMs(s)! }))) : Number.NaN;
  const exponent = Number.isFinite(fitted) ? Math.max(1, fitted) : 1;
  const from = measured[measured.length - 1];
  return { ms: coldMedianMs(from)! * (count / from.manifest.count) ** exponent, exponent, from, fitted: exponent > 1 };
}

/** Precision and recall of one detector over labelled data, for `npm run eval`. */
export interface EvalSection {
  /** What was measured, e.g. "copied passages — own fixtures". */
  title: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Extra lines worth printing (per-class counts, the misses and false alarms by name). */
  details: string[];
  /** Targets the section must meet; `npm run eval` exits non-zero when one is missed. */
  targets?: { precision?: number; recall?: number; accuracy?: number };
  /** For classification-style measurements (e.g. answers linked or not). */
  accuracy?: number;
}

/** The labelled articles one section measures, what its title calls them, and the targets they must meet. */
export interface FixtureSet {
  /** How the section title names the set, e.g. "own fixtures". */
  name: string;
  folder: string;
  /** Without targets the numbers are only reported, so the set can stay out of tuning without failing the run. */
  targets?: EvalSection['targets'];
}

export function precision(s: EvalSection): number {
  const flagged = s.truePositives + s.falsePositives;
  return flagged === 0 ? 1 : s.truePositives / flagged;
}

export function recall(s: EvalSection): number {
  const relevant = s.truePositives + s.falseNegatives;
  return relevant === 0 ? 1 : s.truePositives / relevant;
}

export function formatSection(s: EvalSection): string {
  const lines = [
    `## ${s.title}`,
    `precision ${precision(s).toFixed(3)}  recall ${recall(s).toFixed(3)}  (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`,
  ];
  if (s.accuracy !== undefined) lines.push(`accuracy ${s.accuracy.toFixed(3)}`);
  lines.push(...s.details.map((d) => `  ${d}`));
  return lines.join('\n');
}

/** Targets the section misses, as readable lines; empty when it meets them all. */
export function missedTargets(s: EvalSection): string[] {
  const missed: string[] = [];
  const t = s.targets ?? {};
  if (t.precision !== undefined && precision(s) < t.precision) missed.push(`${s.title}: precision ${precision(s).toFixed(3)} < ${t.precision}`);
  if (t.recall !== undefined && recall(s) < t.recall) missed.push(`${s.title}: recall ${recall(s).toFixed(3)} < ${t.recall}`);
  if (t.accuracy !== undefined && (s.accuracy ?? 0) < t.accuracy) missed.push(`${s.title}: accuracy ${(s.accuracy ?? 0).toFixed(3)} < ${t.accuracy}`);
  return missed;
}

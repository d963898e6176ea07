import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '../protocol/lspClient';

export interface CliTiming {
  runs: number[];
  /** Exit status of the last run: 0 no findings, 1 findings, 2 an error. */
  status: number | null;
  /** Findings of the last run by code, from the JSON report. */
  findings?: Record<string, number>;
}

/** Wall time of `provenance check <target>`, process start included. */
export function timeCli(target: string, runs: number): CliTiming {
  const times: number[] = [];
  let status: number | null = null;
  let output = '';
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'provenance'), 'check', '--format', 'json', target], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times.push(performance.now() - started);
    status = result.status;
    output = result.stdout;
  }
  let findings: Record<string, number> | undefined;
  try {
    const report = JSON.parse(output) as { findings: Array<{ code: string }> };
    findings = {};
    for (const { code } of report.findings) findings[code] = (findings[code] ?? 0) + 1;
  } catch {
    findings = undefined;
  }
  return { runs: times, status, findings };
}

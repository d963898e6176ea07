/**
 * On demand (minutes): `node out/test/robustness/bigArticle.js [MB…]` writes articles of realistic prose
 * of the given sizes (default 20) and checks each with the CLI: first under the default 10 MB limit (it
 * must be refused with a message naming the setting), then with the limit raised, printing time and peak
 * memory; then a 5 MB article on a single line. Exits 1 when a run fails or is killed after 30 minutes.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Prng } from '../bench/prng';
import { loadSpeechSentences, SentenceModel } from '../bench/sentenceModel';
import { makeTempDir, removeDir, runCli } from './harness';

const TIMEOUT_MS = 30 * 60 * 1000;
const MB = 1024 * 1024;

/** Paragraphs of three to five new sentences until the text is `bytes` long. */
function prose(model: SentenceModel, rng: Prng, bytes: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < bytes) {
    const paragraph = Array.from({ length: rng.int(3, 5) }, () => model.sentence(rng)).join(' ');
    paragraphs.push(paragraph);
    length += Buffer.byteLength(paragraph) + 2;
  }
  return paragraphs.join('\n\n');
}

/** Runs the CLI on one file, sampling its peak memory from /proc while it runs. */
async function check(file: string, extra: string[]): Promise<{ code: number | null; signal: string | null; seconds: number; peakMB: number; stderr: string; findings: number }> {
  let peak = 0;
  const poll = setInterval(() => {
    void fs.readdir('/proc').then(async (pids) => {
      for (const pid of pids.filter((p) => /^\d+$/.test(p))) {
        const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
        if (!cmdline.includes(file) || !cmdline.includes('bin/provenance')) continue;
        const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
        peak = Math.max(peak, Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024);
      }
    });
  }, 500);
  const run = await runCli(['check', '--format', 'json', ...extra, file], { timeoutMs: TIMEOUT_MS });
  clearInterval(poll);
  let findings = 0;
  try {
    findings = (JSON.parse(run.stdout) as { findings: unknown[] }).findings.length;
  } catch {
    // No report: the run failed, which the exit code says.
  }
  return { code: run.code, signal: run.signal, seconds: run.ms / 1000, peakMB: peak, stderr: run.stderr.trim(), findings };
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  const dir = await makeTempDir('big-article');
  const model = new SentenceModel(loadSpeechSentences());
  const rng = new Prng(20);
  try {
    for (const size of sizes.length > 0 ? sizes : [20]) {
      const file = path.join(dir, `article-${size}mb.txt`);
      await fs.writeFile(file, prose(model, rng, size * MB));
      if (size > 10) {
        const refused = await check(file, []);
        console.log(`${size} MB, default limit: exit ${refused.code}, ${refused.seconds.toFixed(1)} s: ${refused.stderr}`);
        if (refused.code !== 2 || !/maxFileSizeMB/.test(refused.stderr)) process.exitCode = 1;
      }
      const read = await check(file, ['--max-file-size-mb', String(size + 5)]);
      console.log(`${size} MB, limit raised: exit ${read.code ?? read.signal}, ${read.seconds.toFixed(1)} s, peak RSS ${read.peakMB.toFixed(0)} MB, ${read.findings} findings${read.stderr ? `; stderr: ${read.stderr.slice(0, 300)}` : ''}`);
      if (read.code !== 0 && read.code !== 1) process.exitCode = 1;
      await fs.rm(file);
    }
    const line = path.join(dir, 'single-line-5mb.txt');
    await fs.writeFile(line, prose(model, rng, 5 * MB).replace(/\n+/g, ' '));
    const single = await check(line, []);
    console.log(`5 MB on one line: exit ${single.code ?? single.signal}, ${single.seconds.toFixed(1)} s, peak RSS ${single.peakMB.toFixed(0)} MB, ${single.findings} findings`);
    if (single.code !== 0 && single.code !== 1) process.exitCode = 1;
  } finally {
    await removeDir(dir);
  }
}

void main();

/**
 * On demand (too slow for every test run): `node out/test/robustness/manyFiles.js [count]` writes
 * `count` (default 100,000) tiny articles into a temporary folder, checks them with the CLI and indexes
 * them with the language server, and prints time and peak memory of each; the folder is deleted after.
 * Exits 1 when either fails to finish or reports a file it could not read.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Prng } from '../bench/prng';
import { loadSpeechSentences, SentenceModel } from '../bench/sentenceModel';
import { TestClient } from '../protocol/lspClient';
import { makeTempDir, removeDir, runCli } from './harness';
import { FIGURES, SUBJECTS } from './newsText';

const FILES_PER_FOLDER = 1000;
const TIMEOUT_MS = 60 * 60 * 1000;

async function peakMB(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024;
}

/** The CLI's peak memory, read from /proc while it runs (it is gone by the time it exits). */
async function cliRun(dir: string): Promise<{ ms: number; code: number | null; peakMB: number; findings: number; stderrLines: number }> {
  let peak = 0;
  const run = runCli(['check', '--format', 'json', dir], { timeoutMs: TIMEOUT_MS });
  const poll = setInterval(() => {
    void fs
      .readdir('/proc')
      .then(async (pids) => {
        for (const pid of pids.filter((p) => /^\d+$/.test(p))) {
          const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
          if (cmdline.includes('bin/provenance\0check') && cmdline.includes(dir)) peak = Math.max(peak, await peakMB(Number(pid)));
        }
      })
      .catch(() => undefined);
  }, 500);
  const result = await run;
  clearInterval(poll);
  const findings = result.stdout ? (JSON.parse(result.stdout) as { findings: unknown[] }).findings.length : 0;
  return { ms: result.ms, code: result.code, peakMB: peak, findings, stderrLines: result.stderr.split('\n').filter(Boolean).length };
}

async function serverRun(dir: string, count: number): Promise<{ ms: number; peakMB: number; articles: number; problems: number }> {
  const started = Date.now();
  const { client } = await TestClient.start(dir);
  try {
    await client.waitFor(() => client.status?.indexing === false && client.status.articles > 0, TIMEOUT_MS, 'the scan to finish');
    const ms = Date.now() - started;
    const problems = [...client.diagnostics.values()].flat().filter((d) => d.code === 'input-problem').length;
    return { ms, peakMB: await peakMB(client.process.pid!), articles: client.status?.articles ?? 0, problems };
  } finally {
    await client.stop();
    if (client.status?.articles !== count) process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const dir = await makeTempDir('many-files');
  try {
    const rng = new Prng(count);
    // Mostly unique prose, as in a real archive, with a figure in most files.
    const model = new SentenceModel(loadSpeechSentences());
    const writeStarted = Date.now();
    for (let i = 0; i < count; i++) {
      const folder = path.join(dir, `batch-${String(Math.floor(i / FILES_PER_FOLDER)).padStart(3, '0')}`);
      if (i % FILES_PER_FOLDER === 0) await fs.mkdir(folder);
      const sentences = Array.from({ length: rng.int(1, 3) }, () => model.sentence(rng));
      if (rng.chance(0.7)) sentences.push(`${rng.pick(SUBJECTS)} counted ${rng.pick(FIGURES)} cases.`);
      await fs.writeFile(path.join(folder, `article-${i}.txt`), `${sentences.join(' ')}\n`);
    }
    console.log(`${count} files written in ${((Date.now() - writeStarted) / 1000).toFixed(1)} s`);
    const cli = await cliRun(dir);
    console.log(`CLI: exit ${cli.code} in ${(cli.ms / 1000).toFixed(1)} s, peak RSS ${cli.peakMB.toFixed(0)} MB, ${cli.findings} findings, ${cli.stderrLines} stderr lines`);
    if (cli.code !== 0 && cli.code !== 1) process.exitCode = 1;
    const server = await serverRun(dir, count);
    console.log(`server: indexed ${server.articles} articles in ${(server.ms / 1000).toFixed(1)} s, peak RSS ${server.peakMB.toFixed(0)} MB, ${server.problems} input problems`);
    if (server.problems > 0) process.exitCode = 1;
  } finally {
    await removeDir(dir);
  }
}

void main();

/** What the robustness tests share: temporary workspaces, runs of the CLI, and checks on findings. */
import { spawn } from 'node:child_process';
import { promises as fs, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { createCorpus } from '../../server/src/analysis';
import { LineIndex } from '../../server/src/analysis/lineIndex';
import type { Finding } from '../../server/src/analysis/types';
import { REPO_ROOT } from '../protocol/lspClient';

export { REPO_ROOT };

export async function makeTempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `provenance-${prefix}-`));
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
}

export const uriOf = (file: string): string => pathToFileURL(file).href;

/** Every article the repository holds as a fixture, and the sample articles. */
export function fixtureArticles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.txt')) found.push(full);
    }
  };
  walk(path.join(REPO_ROOT, 'test', 'fixtures'));
  walk(path.join(REPO_ROOT, 'seeds'));
  return found.sort();
}

/** Copies files into `dir`, each under a folder named for the folder it came from (names repeat across fixture sets). */
export async function copyInto(dir: string, files: string[]): Promise<string[]> {
  const copies: string[] = [];
  for (const file of files) {
    const target = path.join(dir, path.basename(path.dirname(file)), path.basename(file));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.copyFile(file, target);
    copies.push(target);
  }
  return copies;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `bin/provenance` without blocking the test's event loop; killed after `timeoutMs`. */
export function runCli(args: string[], options: { nodeArgs?: string[]; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(REPO_ROOT, 'bin', 'provenance'), ...args], {
    cwd: REPO_ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), ms: Date.now() - started });
    });
  });
}

/** Fails naming the finding when a span leaves its document or `text` is not the text inside it. */
export function checkFindingTexts(findings: Finding[], textOf: (uri: string) => string | undefined): void {
  for (const finding of findings) {
    const text = textOf(finding.uri);
    if (text === undefined) throw new Error(`finding in an unknown document ${finding.uri}`);
    checkSpan(text, finding.span, finding.text, `${finding.code} in ${finding.uri}`);
    for (const related of finding.related) {
      const other = textOf(related.uri);
      if (other === undefined) throw new Error(`${finding.code} relates to an unknown document ${related.uri}`);
      checkSpan(other, related.span, related.text, `passage related to ${finding.code} in ${related.uri}`);
    }
  }
}

function checkSpan(text: string, span: { start: number; end: number }, expected: string, what: string): void {
  const { start, end } = span;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
    throw new Error(`${what}: span ${start}–${end} is outside a text of ${text.length} characters`);
  }
  if (text.slice(start, end) !== expected) {
    throw new Error(`${what}: text ${JSON.stringify(expected.slice(0, 80))} is not the slice ${JSON.stringify(text.slice(start, end).slice(0, 80))} at ${start}–${end}`);
  }
}

/** Findings of each document, analysed from scratch together, as the CLI would. */
export function analyseFromScratch(documents: Array<{ uri: string; text: string }>): Map<string, Finding[]> {
  const corpus = createCorpus();
  for (const document of documents) corpus.upsert(document);
  return new Map(documents.map((d) => [d.uri, corpus.findings(d.uri)]));
}

/** What identifies a finding across the engine, the CLI and the server: kind, place and wording. */
export function findingKey(code: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, message: string): string {
  return `${code} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${message}`;
}

export function engineKeys(findings: Finding[], text: string): string[] {
  const lines = new LineIndex(text);
  return findings.map((f) => findingKey(f.code, { start: lines.positionAt(f.span.start), end: lines.positionAt(f.span.end) }, f.message)).sort();
}

export function diagnosticKeys(diagnostics: Diagnostic[] | undefined): string[] {
  return (diagnostics ?? []).map((d) => findingKey(String(d.code), d.range, messageOf(d))).sort();
}

/** LSP 3.18 allows Markdown messages; the server sends plain strings. */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** Resident memory of a process in MB, from /proc (Linux). */
export async function residentMB(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return kb / 1024;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

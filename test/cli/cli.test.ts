import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineIndex } from '../../server/src/analysis/lineIndex';
import { createCorpus } from '../../server/src/analysis';
import { main } from '../../server/src/cli/main';
import { MIN_ARTICLES_FOR_THREADS, ReadingPool } from '../../server/src/parsing/readingPool';
import { fixtureArticles } from '../robustness/harness';
import { pathToFileURL } from 'node:url';
import { Writable } from 'node:stream';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const WIRE = path.join('test', 'fixtures', 'wire');

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'provenance'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

function textAt(file: string, range: JsonRange): string {
  const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

test('json output follows the contract: ranges are LSP positions and text is exactly the text inside them', () => {
  const { code, stdout } = cli('check', '--format', 'json', WIRE);
  assert.equal(code, 1);
  const report = JSON.parse(stdout) as { version: number; findings: Array<Record<string, unknown>> };
  assert.equal(report.version, 1);
  assert.ok(report.findings.length > 0);
  for (const finding of report.findings) {
    assert.deepEqual(Object.keys(finding).sort(), ['code', 'file', 'message', 'range', 'related', 'severity', 'text']);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(finding.severity as string));
    assert.equal(textAt(finding.file as string, finding.range as JsonRange), finding.text);
    for (const related of finding.related as Array<Record<string, unknown>>) {
      assert.deepEqual(Object.keys(related).sort(), ['file', 'message', 'range', 'text']);
      assert.equal(textAt(related.file as string, related.range as JsonRange), related.text);
    }
  }
});

test('text output reads like compiler output', () => {
  const { code, stdout } = cli('check', WIRE);
  assert.equal(code, 1);
  assert.match(stdout, /^test\/fixtures\/wire\/harbor-aggregator\.txt:\d+:\d+ {2}warning {2}copied-passage {2}\S/m);
});

test('sarif output is SARIF 2.1.0 with a result per finding', () => {
  const json = JSON.parse(cli('check', '--format', 'json', WIRE).stdout) as { findings: unknown[] };
  const { stdout } = cli('check', '--format', 'sarif', WIRE);
  const sarif = JSON.parse(stdout) as { version: string; runs: Array<{ tool: { driver: { name: string } }; results: Array<{ ruleId: string; locations: unknown[] }> }> };
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0].tool.driver.name, 'Provenance');
  assert.equal(sarif.runs[0].results.length, json.findings.length);
});

test('no findings exits 0', () => {
  const { code, stdout } = cli('check', path.join(WIRE, 'harbor-unrelated.txt'));
  assert.equal(code, 0, stdout);
});

test('a file that cannot be read exits 2 with a message naming it, after checking the rest', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'provenance-cli-'));
  try {
    await fs.copyFile(path.join(REPO_ROOT, WIRE, 'harbor-original.txt'), path.join(dir, 'a.txt'));
    await fs.copyFile(path.join(REPO_ROOT, WIRE, 'harbor-aggregator.txt'), path.join(dir, 'b.txt'));
    await fs.writeFile(path.join(dir, 'broken.txt'), Buffer.from([0x41, 0xff, 0xfe, 0x42, 0x0a]));
    const { code, stdout, stderr } = cli('check', dir);
    assert.equal(code, 2);
    assert.match(stderr, /broken\.txt: is not valid UTF-8 \(first bad byte at offset 1\)/);
    assert.match(stdout, /copied-passage/);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('usage errors exit 2 and explain', () => {
  assert.equal(cli().code, 2);
  assert.match(cli('check').stderr, /name the files or folders/);
  assert.match(cli('check', '--format', 'xml', WIRE).stderr, /unknown format 'xml'/);
  const missing = cli('check', 'no-such-folder');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no-such-folder: no such file or folder/);
});

test('figures the team marked as sourced in .provenance/sourced.json are not reported', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'provenance-marks-'));
  try {
    const text = 'The council will spend $4.2 million on new buses next year.\n';
    await fs.writeFile(path.join(dir, 'buses.txt'), text);
    const before = JSON.parse(cli('check', '--format', 'json', dir).stdout) as { findings: Array<{ code: string; text: string }> };
    const flagged = before.findings.filter((f) => f.code === 'unsourced-figure');
    assert.equal(flagged.length, 1, 'the figure is flagged before it is marked');

    const corpus = createCorpus();
    corpus.upsert({ uri: 'memory:buses.txt', text });
    const data = corpus.findings('memory:buses.txt').find((f) => f.code === 'unsourced-figure')?.data;
    assert.ok(data?.kind === 'unsourced-figure');
    await fs.mkdir(path.join(dir, '.provenance'));
    await fs.writeFile(path.join(dir, '.provenance', 'sourced.json'), JSON.stringify({ version: 1, sourced: [{ key: data.markKey, figure: data.figure, sentence: text.trim() }] }));

    const after = cli('check', '--format', 'json', dir);
    assert.equal(after.code, 0, after.stdout);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('--exclude and --include select the files found in folders; a file named on the command line is always checked', () => {
  const files = (stdout: string) => [...new Set((JSON.parse(stdout) as { findings: Array<{ file: string }> }).findings.map((f) => path.basename(f.file)))].sort();
  const all = cli('check', '--format', 'json', WIRE);
  assert.deepEqual(files(all.stdout), ['harbor-aggregator.txt', 'harbor-original.txt']);
  const withoutOriginal = cli('check', '--format', 'json', '--exclude', 'harbor-original.txt', WIRE);
  assert.ok(!files(withoutOriginal.stdout).includes('harbor-original.txt'));
  assert.ok(!withoutOriginal.stdout.includes('copied-passage'), 'the excluded article is no source of copies');
  const onlyOriginal = cli('check', '--format', 'json', '--include', '*-original.txt', WIRE);
  assert.deepEqual(files(onlyOriginal.stdout).filter((f) => f !== 'harbor-original.txt'), []);
  const named = cli('check', '--format', 'json', '--exclude', '*.txt', path.join(WIRE, 'harbor-original.txt'), path.join(WIRE, 'harbor-aggregator.txt'));
  assert.deepEqual(files(named.stdout), files(all.stdout));
  const none = cli('check', '--exclude', '**', WIRE);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no \.txt files selected by --include and --exclude/);
});

/** A stream that keeps what is written to it, a terminal or not. */
function capture(isTTY = false): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk.toString()), done()) });
  return { stream: Object.assign(stream, { isTTY }), text: () => chunks.join('') };
}

test('a progress bar goes to the error stream when it is a terminal, and is cleared; nothing of it otherwise', async () => {
  const run = async (isTTY: boolean) => {
    const out = capture();
    const err = capture(isTTY);
    await main(['check', path.join(REPO_ROOT, WIRE)], out.stream, err.stream);
    return { out: out.text(), err: err.text() };
  };
  const terminal = await run(true);
  assert.match(terminal.err, /provenance: reading \[[#.]+\] 3\/3 100%/);
  assert.match(terminal.err, /provenance: checking \[/);
  assert.ok(terminal.err.endsWith('\r\x1b[2K'), 'the last thing written clears the bar');
  assert.ok(!terminal.out.includes('provenance:'), 'the report stays clean');
  const piped = await run(false);
  assert.equal(piped.err, '');
  assert.equal(piped.out, terminal.out);
});

test('with many files, articles are read in threads by the built tool, and the findings are those of reading them on one thread', () => {
  const many = cli('check', '--format', 'json', 'test/fixtures');
  assert.doesNotMatch(many.stderr, /thread/, 'no reading thread failed or was missing');
  const files = fixtureArticles().filter((file) => file.includes(`${path.sep}fixtures${path.sep}`));
  assert.ok(files.length >= MIN_ARTICLES_FOR_THREADS, `${files.length} articles are enough for threads`);
  const corpus = createCorpus();
  const texts = new Map(files.map((file) => [path.resolve(file), readFileSync(file, 'utf8')]));
  for (const [file, text] of texts) corpus.load({ uri: pathToFileURL(file).href, text });
  const expected = [...texts].flatMap(([file, text]) => {
    const lines = new LineIndex(text);
    return corpus.findings(pathToFileURL(file).href).map((f) => `${file} ${f.code} ${JSON.stringify(lines.positionAt(f.span.start))} ${f.message}`);
  });
  const reported = (JSON.parse(many.stdout) as { findings: Array<{ file: string; code: string; range: { start: object }; message: string }> }).findings;
  const actual = reported.map((f) => `${path.resolve(f.file)} ${f.code} ${JSON.stringify(f.range.start)} ${f.message}`);
  assert.deepEqual(actual.sort(), expected.sort());
});

/** A stream that takes what it is given and keeps none of it. */
const sink = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });

test('the command line reads many files in threads', async (t) => {
  const files = fixtureArticles().filter((file) => file.includes(`${path.sep}fixtures${path.sep}`));
  const made = ReadingPool.forArticles;
  const pools: ReadingPool[] = [];
  ReadingPool.forArticles = (count, onFailure) => {
    const pool = made(count, onFailure);
    if (pool) pools.push(pool);
    return pool;
  };
  try {
    const code = await main(['check', '--format', 'json', ...files], sink(), sink());
    assert.equal(code, 1);
  } finally {
    ReadingPool.forArticles = made;
  }
  if (pools.length === 0) return t.skip('a machine with one core has no thread to spare');
  assert.ok(pools[0].readInThreads > 0, 'articles were read in a thread');
});

test('files past the memory the heap can spare are named as not checked, the rest are reported, and the exit status says the check is incomplete', async () => {
  // In the order they are checked: the first two share a passage.
  const files = ['harbor-aggregator.txt', 'harbor-original.txt', 'harbor-unrelated.txt'].map((name) => path.join(REPO_ROOT, WIRE, name));
  const out = capture();
  const err = capture();
  let checks = 0;
  // Room for two files; the pool reads a few at once, so the check is what decides.
  const code = await main(['check', '--format', 'json', ...files], out.stream, err.stream, () => (checks++ >= 2 ? { usedMB: 2010, limitMB: 2000 } : undefined));
  assert.equal(code, 2);
  assert.ok(err.text().includes(`${files[2]}: was not checked: Provenance had reached its memory limit (2010 MB in use, limit 2000 MB)`), err.text());
  assert.match(err.text(), /provenance: 1 of 3 files were not checked, for want of memory/);
  const reported = (JSON.parse(out.text()) as { findings: Array<{ file: string; code: string }> }).findings;
  assert.deepEqual([...new Set(reported.map((f) => path.resolve(f.file)))].sort(), files.slice(0, 2));
  assert.ok(reported.some((f) => f.code === 'copied-passage'), 'the two checked files were compared');
});

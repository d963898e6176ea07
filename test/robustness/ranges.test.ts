/**
 * Ranges stay exact whatever the line endings and scripts: every finding's text is the text at its
 * range, counted in UTF-16 code units on lines ended by CRLF, CR or LF, in the engine, the CLI and the
 * server alike; and line endings alone never change what is found.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Prng } from '../bench/prng';
import { TestClient } from '../protocol/lspClient';
import { analyseFromScratch, checkFindingTexts, diagnosticKeys, findingKey, makeTempDir, removeDir, REPO_ROOT, runCli, uriOf } from './harness';
import { FOREIGN, QUOTES } from './newsText';

interface JsonPosition {
  line: number;
  character: number;
}
interface JsonPassage {
  file: string;
  range: { start: JsonPosition; end: JsonPosition };
  text: string;
}
interface JsonFinding extends JsonPassage {
  code: string;
  message: string;
  related: JsonPassage[];
}

const SOURCES = [path.join('wire', 'harbor-original.txt'), path.join('wire', 'harbor-aggregator.txt'), path.join('figures', 'wildfire_update.txt'), path.join('figures', 'quotes_flood.txt')];
let mixedCount = 0;
const VARIANTS: Record<string, (text: string, rng: Prng) => string> = {
  lf: (text) => text,
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  cr: (text) => text.replace(/\n/g, '\r'),
  // In this order a lone CR is never followed by LF, which would make the two one CRLF.
  mixed: (text) => text.replace(/\n/g, () => ['\n', '\r', '\r\n'][mixedCount++ % 3]),
  bom: (text) => `\ufeff${text}`,
  // Other scripts and emoji (surrogate pairs, joiners, flags) before and inside sentences shift every offset after them.
  unicode: (text, rng) =>
    text
      .split('\n')
      .map((line) => (line.trim() === '' ? line : `${rng.pick(FOREIGN)} ${line.replace(/ (\d)/, ' 🚒 $1')} ${rng.pick(QUOTES)}`))
      .join('\r\n'),
};

let dir: string;
const texts = new Map<string, string>();

before(async () => {
  dir = await makeTempDir('ranges');
  const rng = new Prng(11);
  for (const [variant, make] of Object.entries(VARIANTS)) {
    await fs.mkdir(path.join(dir, variant));
    for (const source of SOURCES) {
      const text = make(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', source), 'utf8'), rng);
      const file = path.join(dir, variant, path.basename(source));
      await fs.writeFile(file, text);
      texts.set(file, text.replace(/^\ufeff/, ''));
    }
  }
});

after(async () => removeDir(dir));

/** The slice of `text` at an LSP range, found without the product's own line index. */
function sliceAt(text: string, range: { start: JsonPosition; end: JsonPosition }): string {
  const lineStarts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) lineStarts.push(match.index + match[0].length);
  const offset = (p: JsonPosition): number => {
    assert.ok(p.line < lineStarts.length, `line ${p.line} exists`);
    const next = p.line + 1 < lineStarts.length ? lineStarts[p.line + 1] : text.length;
    const lineEnd = text.slice(lineStarts[p.line], next).replace(/[\r\n]+$/, '').length + lineStarts[p.line];
    assert.ok(lineStarts[p.line] + p.character <= lineEnd, `character ${p.character} is on line ${p.line}`);
    return lineStarts[p.line] + p.character;
  };
  return text.slice(offset(range.start), offset(range.end));
}

const normalise = (text: string): string => text.replace(/\r\n?/g, '\n');

let cliFindings: JsonFinding[];

test('engine: every span is inside its document and its text is the slice at it', () => {
  const documents = [...texts].map(([file, text]) => ({ uri: uriOf(file), text }));
  const findings = [...analyseFromScratch(documents).values()].flat();
  assert.ok(findings.length > 20, `findings to check: ${findings.length}`);
  const byUri = new Map(documents.map((d) => [d.uri, d.text]));
  checkFindingTexts(findings, (uri) => byUri.get(uri));
});

test('CLI: every range, counted in UTF-16 units on lines ended by CRLF, CR or LF, holds exactly the finding text', async () => {
  const run = await runCli(['check', '--format', 'json', dir]);
  assert.equal(run.code, 1, run.stderr);
  cliFindings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
  const unicode = cliFindings.filter((f) => f.file.includes(`${path.sep}unicode${path.sep}`));
  assert.ok(unicode.length > 5, 'findings in the text with other scripts and emoji');
  for (const finding of cliFindings) {
    assert.equal(sliceAt(texts.get(finding.file)!, finding.range), finding.text, `${finding.code} in ${finding.file}`);
    for (const related of finding.related) assert.equal(sliceAt(texts.get(related.file)!, related.range), related.text, `passage related to ${finding.code} in ${finding.file}`);
  }
});

test('CLI: line endings and a byte order mark change no finding', () => {
  const summary = (variant: string): string[] =>
    cliFindings
      .filter((f) => path.basename(path.dirname(f.file)) === variant)
      .map((f) => `${path.basename(f.file)} ${f.code} ${f.range.start.line} ${normalise(f.text)} ${f.message}`)
      .sort();
  const lf = summary('lf');
  assert.ok(lf.length > 0);
  for (const variant of ['crlf', 'cr', 'mixed', 'bom']) assert.deepEqual(summary(variant), lf, `findings with ${variant} line endings`);
});

test('server: diagnostics sit at the same ranges as the CLI findings', async () => {
  const { client } = await TestClient.start(dir);
  try {
    const expected = new Map<string, string[]>();
    for (const file of texts.keys()) expected.set(uriOf(file), []);
    for (const f of cliFindings) expected.get(uriOf(f.file))!.push(findingKey(f.code, f.range, f.message));
    for (const keys of expected.values()) keys.sort();
    const agrees = (): boolean => [...expected].every(([uri, keys]) => diagnosticKeys(client.diagnostics.get(uri)).join('\n') === keys.join('\n'));
    await client.waitFor(() => client.status?.indexing === false && agrees(), 30_000, 'diagnostics equal to the CLI findings');
  } finally {
    await client.stop();
  }
});

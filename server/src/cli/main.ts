import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { promises as fs } from 'node:fs';
import { createCorpus, MarkedSourced, type Finding } from '../analysis';
import { readSourcedEntries, SOURCED_FILE } from '../files/sourcedFile';
import { ArticleFilter } from '../files/articleFilter';
import { findArticleFiles } from '../files/findArticleFiles';
import { DEFAULT_MAX_FILE_BYTES, readArticleFile } from '../files/readArticleFile';
import { FORMATS, formatJson, formatMarkdown, formatSarif, formatText, type Format } from '../report/formats';
import { buildReport } from '../report/report';
import { ReadingPool } from '../parsing/readingPool';
import { heapCheckWithin, leftOutForMemory, type HeapCheck } from '../heapRoom';
import { progressOn } from './progress';

declare const PROVENANCE_VERSION: string | undefined;

const USAGE = `Usage: provenance check [--format text|json|sarif|markdown] [--max-file-size-mb N]
                        [--include GLOB]... [--exclude GLOB]... <files or folders...>

Checks plain-text news articles for unsourced figures, conflicting dates and copied passages.
Folders are searched for .txt files; --include and --exclude select among them with glob patterns
relative to the folder (as the settings provenance.files.include and .exclude do in the editor).
Files named on the command line are always checked.
Exit status: 0 no findings, 1 findings, 2 usage or read error.`;

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_ERROR = 2;

/** `heapCheck`: whether the heap has room for another article (see `heapRoom`). */
export async function main(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream, heapCheck: HeapCheck = heapCheckWithin(0)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'max-file-size-mb': { type: 'string' },
        include: { type: 'string', multiple: true, default: [] },
        exclude: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err.write(`provenance: ${(error as Error).message}\n${USAGE}\n`);
    return EXIT_ERROR;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out.write(`${USAGE}\n`);
    return EXIT_CLEAN;
  }
  const [command, ...targets] = positionals;
  if (command !== 'check' || targets.length === 0) {
    err.write(`provenance: ${command === undefined || command === 'check' ? 'name the files or folders to check' : `unknown command '${command}'`}\n${USAGE}\n`);
    return EXIT_ERROR;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    err.write(`provenance: unknown format '${values.format}' (use ${FORMATS.join(', ')})\n`);
    return EXIT_ERROR;
  }
  let maxBytes = DEFAULT_MAX_FILE_BYTES;
  if (values['max-file-size-mb'] !== undefined) {
    const megabytes = Number(values['max-file-size-mb']);
    if (!(megabytes > 0)) {
      err.write(`provenance: --max-file-size-mb takes a positive number, not '${values['max-file-size-mb']}'\n`);
      return EXIT_ERROR;
    }
    maxBytes = megabytes * 1024 * 1024;
  }

  let failed = false;
  const folders: string[] = [];
  for (const target of targets) if ((await fs.stat(target).catch(() => undefined))?.isDirectory()) folders.push(target);
  const filter = new ArticleFilter(folders, { include: values.include, exclude: values.exclude });
  const { files, problems } = await findArticleFiles(targets, filter);
  for (const problem of problems) {
    err.write(`${problem.path}: ${problem.problem}\n`);
    failed = true;
  }
  if (files.length === 0 && !failed) {
    const selected = values.include.length + values.exclude.length > 0 ? ' selected by --include and --exclude' : '';
    err.write(`provenance: no .txt files${selected} in ${targets.join(', ')}\n`);
    return EXIT_ERROR;
  }

  const marks = await readTeamMarks(folders, err);
  if (!marks.ok) failed = true;
  const corpus = createCorpus({ markedSourced: marks.marked });
  const progress = progressOn(err);
  // Per file, in the order listed: its uri once read, and what to say about it. Files are read several at
  // a time, in other threads when there are many, but the output keeps the listed order.
  const uris: Array<string | undefined> = new Array(files.length);
  const messages: Array<string | undefined> = new Array(files.length);
  let done = 0;
  let leftOut = 0;
  await ReadingPool.readEach(files, (reason) => err.write(`provenance: ${reason}\n`), async (file, index, pool) => {
    const full = heapCheck();
    if (full) {
      messages[index] = `${file}: ${leftOutForMemory(full)}\n`;
      failed = true;
      leftOut++;
      progress.update('reading', ++done, files.length);
      return;
    }
    const read = await readArticleFile(file, maxBytes);
    if (!read.ok) {
      messages[index] = `${file}: ${read.problem}\n`;
      failed = true;
    } else {
      if (read.note) messages[index] = `${file}: ${read.note}\n`;
      const uri = pathToFileURL(path.resolve(file)).href;
      // Every article's findings are taken once all are in, so none needs to know whom each addition affects.
      const source = { uri, text: read.text };
      corpus.load(source, await pool?.read(source));
      uris[index] = uri;
    }
    progress.update('reading', ++done, files.length);
  });
  progress.clear();
  for (const message of messages) if (message) err.write(message);
  if (leftOut > 0) err.write(`provenance: ${leftOut} of ${files.length} files were not checked, for want of memory; check fewer at a time, or let Node use more (NODE_OPTIONS=--max-old-space-size=8192 for 8 GB)\n`);
  const fileOfUri = new Map<string, string>();
  uris.forEach((uri, index) => uri && fileOfUri.set(uri, files[index]));

  const findings: Finding[] = [];
  for (const [done, uri] of [...fileOfUri.keys()].entries()) {
    progress.update('checking', done, fileOfUri.size);
    findings.push(...corpus.findings(uri));
  }
  progress.clear();
  const report = buildReport(findings, (uri) => corpus.get(uri), (uri) => fileOfUri.get(uri) ?? uri);
  const version = typeof PROVENANCE_VERSION === 'string' ? PROVENANCE_VERSION : '0.0.0';
  const formatted = { json: () => formatJson(report), sarif: () => formatSarif(report, version), markdown: () => formatMarkdown(report), text: () => formatText(report) };
  out.write(formatted[format]());
  if (failed) return EXIT_ERROR;
  return report.findings.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

/**
 * The figures a team marked as sourced, from the shared file in the current folder and in each folder
 * checked, so the command line agrees with the editor.
 */
async function readTeamMarks(checkedFolders: string[], err: NodeJS.WritableStream): Promise<{ ok: boolean; marked: MarkedSourced }> {
  const folders = new Set([path.resolve('.'), ...checkedFolders.map((folder) => path.resolve(folder))]);
  const keys: string[] = [];
  let ok = true;
  for (const folder of folders) {
    try {
      for (const entry of await readSourcedEntries(folder)) keys.push(entry.key);
    } catch (error) {
      err.write(`${path.join(folder, SOURCED_FILE)}: cannot be read (${error instanceof Error ? error.message : String(error)})\n`);
      ok = false;
    }
  }
  const marked = new MarkedSourced();
  marked.replace(keys);
  return { ok, marked };
}

/** Entry point of `bin/provenance`. */
export function runFromCommandLine(): void {
  main(process.argv.slice(2), process.stdout, process.stderr).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`provenance: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = EXIT_ERROR;
    },
  );
}

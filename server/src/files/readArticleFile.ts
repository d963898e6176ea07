import { promises as fs } from 'node:fs';
import { decodeArticle } from './decodeArticle';
import { describeFsError } from './findArticleFiles';

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ReadResult = { ok: true; text: string; note?: string } | { ok: false; problem: string };

/** Reads one article from disk; never throws. */
export async function readArticleFile(filePath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  try {
    const stat = await fs.stat(filePath);
    if (stat.size > maxBytes) {
      return { ok: false, problem: `is ${formatMegabytes(stat.size)}, over the ${formatMegabytes(maxBytes)} limit for one article (setting provenance.maxFileSizeMB, CLI option --max-file-size-mb); it was not analysed` };
    }
    return decodeArticle(await fs.readFile(filePath));
  } catch (error) {
    return { ok: false, problem: describeFsError(error) };
  }
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

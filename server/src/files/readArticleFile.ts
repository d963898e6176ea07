import { constants, promises as fs } from 'node:fs';
import { decodeArticle } from './decodeArticle';
import { describeFsError, describeNonFile } from './findArticleFiles';

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ReadResult =
  | { ok: true; text: string; note?: string }
  | {
      ok: false;
      problem: string;
      /** There is no article at the path any more: nothing is there (deleted or renamed), or a folder is. */
      absent?: boolean;
    };

/** Reads one article from disk; never throws, and never waits on something that is not a file. */
export async function readArticleFile(filePath: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  let handle: fs.FileHandle | undefined;
  try {
    // Opening a named pipe would wait for a writer forever; O_NONBLOCK changes nothing for a regular file.
    handle = await fs.open(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, problem: describeNonFile(stat), absent: stat.isDirectory() };
    if (stat.size > maxBytes) return { ok: false, problem: tooLarge(stat.size, maxBytes) };
    const bytes = await readAtMost(handle, maxBytes + 1, stat.size);
    // The file grew after it was measured.
    if (bytes.length > maxBytes) return { ok: false, problem: tooLarge(bytes.length, maxBytes) };
    return decodeArticle(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    return { ok: false, problem: describeFsError(error), absent: code === 'ENOENT' || code === 'EISDIR' };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Reads up to `limit` bytes; `expected` (the size measured) sizes the first read, one byte more to see growth. */
async function readAtMost(handle: fs.FileHandle, limit: number, expected: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  let next = expected + 1;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(limit - total, next));
    next = 1024 * 1024;
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

/** The message for an article over the size limit, which names the setting that raises it. */
export function tooLarge(bytes: number, maxBytes: number): string {
  return `is ${formatMegabytes(bytes)}, over the ${formatMegabytes(maxBytes)} limit for one article (setting provenance.maxFileSizeMB, CLI option --max-file-size-mb); it was not analysed`;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

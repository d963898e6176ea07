/**
 * The baseline the language server is compared with: a plain Node process that reads the same files, one
 * after another as the server does, and splits them into words. Run as its own process so its start-up
 * is counted like the server's. Prints one line of JSON.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

async function main(dir: string): Promise<void> {
  const started = performance.now();
  const files = (await fs.readdir(dir, { recursive: true })).filter((f) => f.endsWith('.txt')).sort();
  let bytes = 0;
  let words = 0;
  for (const file of files) {
    const text = await fs.readFile(path.join(dir, file), 'utf8');
    bytes += text.length;
    words += text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  }
  process.stdout.write(`${JSON.stringify({ files: files.length, bytes, words, ms: performance.now() - started })}\n`);
}

void main(process.argv[2]);

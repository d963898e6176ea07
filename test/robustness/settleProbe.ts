/**
 * Preloaded into the language server by the memory test (`node --expose-gc --require …`): on SIGUSR2 it
 * collects garbage twice and writes the heap size to stderr, so memory is compared when settled rather
 * than whenever the collector last ran. The server itself never collects garbage on request.
 */
import { SETTLED_MARK } from './settleMark';

process.on('SIGUSR2', () => {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  process.stderr.write(`${SETTLED_MARK} ${JSON.stringify({ ...process.memoryUsage(), collected: collect !== undefined })}\n`);
});

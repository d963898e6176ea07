/**
 * A thread that reads articles: wink's analysis of the text and the analyses that need no other article,
 * so that the thread that compares articles need not.
 */
import { parentPort } from 'node:worker_threads';
import { articleFrom, readText } from '../analysis/article';
import { compactReading } from '../analysis/compactReading';
import { analyseStandalone, type StandaloneAnalyses } from '../analysis/standaloneAnalyses';
import type { ArticleSource } from '../analysis/types';

export interface ReadingRequest {
  id: number;
  source: ArticleSource;
}

export type ReadingReply = { id: number; reading: ReturnType<typeof compactReading>; analyses: StandaloneAnalyses } | { id: number; error: string };

parentPort?.on('message', ({ id, source }: ReadingRequest) => {
  let reply: ReadingReply;
  try {
    const reading = readText(source.text);
    reply = { id, reading: compactReading(reading), analyses: analyseStandalone(articleFrom(source, reading)) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply, 'reading' in reply ? [reply.reading.numbers.buffer, reply.reading.tokenFields.buffer] : []);
});

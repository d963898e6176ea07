/** A thread that reads article texts with wink, so that the thread that compares them need not. */
import { parentPort } from 'node:worker_threads';
import { readText } from '../analysis/article';
import { compactReading } from '../analysis/compactReading';

export interface ReadingRequest {
  id: number;
  text: string;
}

export type ReadingReply = { id: number; reading: ReturnType<typeof compactReading> } | { id: number; error: string };

parentPort?.on('message', ({ id, text }: ReadingRequest) => {
  let reply: ReadingReply;
  try {
    reply = { id, reading: compactReading(readText(text)) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply, 'reading' in reply ? [reply.reading.numbers.buffer, reply.reading.tokenFields.buffer] : []);
});

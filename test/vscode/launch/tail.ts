import * as fs from 'fs';
import { StringDecoder } from 'string_decoder';

export interface Tail {
  /** Copies whatever was appended since the last read, then stops following. */
  stop(): void;
}

/**
 * Follows a file another process appends to, copying new bytes to `sink`. Polling is used instead of
 * fs.watch because the writer is a separate process and a short fixed interval is predictable everywhere.
 */
export function tailFile(file: string, sink: (chunk: string) => void, intervalMs = 250): Tail {
  let offset = 0;
  // A read can end mid-character; the decoder holds partial UTF-8 sequences until the rest arrives.
  const decoder = new StringDecoder('utf8');
  const drain = (): void => {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return; // not created yet
    }
    try {
      const size = fs.fstatSync(fd).size;
      if (size <= offset) return;
      const buffer = Buffer.alloc(size - offset);
      fs.readSync(fd, buffer, 0, buffer.length, offset);
      offset = size;
      sink(decoder.write(buffer));
    } finally {
      fs.closeSync(fd);
    }
  };
  const timer = setInterval(drain, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      drain();
    },
  };
}

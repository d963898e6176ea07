/** The least time between two redraws: a terminal redrawn per file would slow a large check down. */
const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export interface Progress {
  /** `done` of `total` items of the named stage are finished. */
  update(stage: string, done: number, total: number): void;
  /** Removes the bar, leaving the terminal as it was. */
  clear(): void;
}

/**
 * A one-line progress bar on the error stream when it is a terminal; nothing at all otherwise, so that
 * logs and pipes receive only the report and the messages about files.
 */
export function progressOn(stream: NodeJS.WritableStream & { isTTY?: boolean }): Progress {
  if (!stream.isTTY) return { update: () => undefined, clear: () => undefined };
  let shown = false;
  let drawnAt = 0;
  let drawnStage = '';
  return {
    update(stage, done, total) {
      const now = Date.now();
      if (stage === drawnStage && done < total && now - drawnAt < REDRAW_MS) return;
      drawnAt = now;
      drawnStage = stage;
      const filled = total > 0 ? Math.round((done / total) * BAR_WIDTH) : BAR_WIDTH;
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      stream.write(`\r\x1b[2Kprovenance: ${stage} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${percent}%`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

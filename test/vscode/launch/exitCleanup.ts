/**
 * Synchronous clean-ups run however this process ends: normal exit, process.exit(), or a signal.
 * Without this, a Ctrl+C or a CI timeout would leave code-server, its extension host and the language
 * server running, and temp folders behind.
 */
type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
let installed = false;

/** Registers `cleanup` (it must be synchronous: 'exit' handlers cannot wait); returns an unregister function. */
export function onExit(cleanup: Cleanup): () => void {
  install();
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    for (const cleanup of cleanups) {
      try {
        cleanup();
      } catch {
        // One failed clean-up must not stop the others.
      }
    }
  });
  // With no handler these signals end the process without emitting 'exit'.
  const signals: Array<[NodeJS.Signals, number]> = [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]];
  for (const [signal, code] of signals) process.once(signal, () => process.exit(code));
}

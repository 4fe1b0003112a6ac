/**
 * Ctrl-C during a long run (check, demo, collect): the first SIGINT aborts the run, which then
 * reports what it has and exits 130; a second one ends the process at once, as the default would.
 */

export interface Interrupt {
  /** Aborted by the first Ctrl-C. */
  readonly signal: AbortSignal;
  /** Removes the handler: Ctrl-C is the default again. */
  dispose(): void;
}

/** Watches SIGINT until disposed; `onInterrupt` runs first (restore the terminal there). */
export function watchInterrupt(onInterrupt: () => void = () => undefined): Interrupt {
  const controller = new AbortController();
  const handler = () => {
    if (controller.signal.aborted) {
      process.off('SIGINT', handler);
      process.kill(process.pid, 'SIGINT');
      return;
    }
    onInterrupt();
    controller.abort();
  };
  process.on('SIGINT', handler);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', handler) };
}

/**
 * Ctrl-C (or a SIGTERM from CI's job control) during a long run (check, demo, collect): the first
 * signal aborts the run, which then reports what it has and exits 130; a second one ends the
 * process at once, as the default would.
 */

export interface Interrupt {
  /** Aborted by the first SIGINT or SIGTERM. */
  readonly signal: AbortSignal;
  /** Removes the handlers: the signals have their defaults again. */
  dispose(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Watches SIGINT and SIGTERM until disposed; `onInterrupt` runs first (restore the terminal there). */
export function watchInterrupt(onInterrupt: () => void = () => undefined): Interrupt {
  const controller = new AbortController();
  const dispose = () => {
    for (const name of SIGNALS) process.off(name, handler);
  };
  function handler(name: NodeJS.Signals): void {
    if (controller.signal.aborted) {
      dispose();
      process.kill(process.pid, name);
      return;
    }
    onInterrupt();
    controller.abort();
  }
  for (const name of SIGNALS) process.on(name, handler);
  return { signal: controller.signal, dispose };
}

/**
 * The progress bar of a long run, on stderr when stderr is a terminal. cli-progress saves the
 * cursor, hides it and turns line wrap off (`ESC 7`, `ESC[?25l`, `ESC[?7l`) when it starts, and
 * undoes all three only in its stop(); so stop() runs when the run ends, on Ctrl-C (the command's
 * interrupt handler calls it) and at process exit (an EPIPE exit, say), whichever comes first.
 */
import { createRequire } from 'node:module';
import type { SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number): void;
  /** Restores the terminal; safe to call more than once. */
  stop(): void;
}

const NO_PROGRESS: Progress = { update: () => undefined, stop: () => undefined };

/** A bar `label ████░░ 12/100 devices` on `stream` when it is a terminal and `enabled`; else nothing. */
export function startProgress(
  label: string,
  total: number,
  options: { enabled?: boolean; stream?: NodeJS.WriteStream } = {},
): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.enabled === false || !stream.isTTY) return NO_PROGRESS;
  // loaded only when a bar is drawn: a check in CI or a pipe never pays for it
  const { SingleBar: Bar } = createRequire(import.meta.url)('cli-progress') as {
    SingleBar: typeof SingleBar;
  };
  const bar = new Bar({ format: `${label} {bar} {value}/{total} devices`, hideCursor: true, stream });
  let active = true;
  const stop = () => {
    if (!active) return;
    active = false;
    process.off('exit', stop);
    bar.stop();
  };
  process.on('exit', stop);
  bar.start(total, 0);
  return { update: (done) => active && bar.update(done), stop };
}

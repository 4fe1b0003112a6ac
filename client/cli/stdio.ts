/** The process's standard streams: a reader that stops reading ends labfleet quietly, as it ends Unix tools. */
import { EXIT } from '../../simulator/error-codes.js';

const isClosedPipe = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';

/**
 * `labfleet collect arp | head -1`: once the reader is gone, writing to the pipe fails with EPIPE
 * (Node ignores SIGPIPE, so the write errs instead of killing us). There is nobody left to tell,
 * so the process ends at once with 0, no trace; exit hooks still restore the terminal. Any other
 * error of the streams stays an error.
 */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error) => {
      if (!isClosedPipe(error)) throw error;
      process.exit(EXIT.OK);
    });
}

/**
 * Writes to stdout or stderr, ending at once if the reader has gone. A failed write marks the
 * stream errored right away but reports it a tick later: without this check a command would go on
 * printing (a summary on stderr after its data) in between.
 */
export function writeStd(stream: NodeJS.WriteStream, text: string): void {
  stream.write(text);
  if (isClosedPipe(stream.errored)) process.exit(EXIT.OK);
}

/**
 * Resolves when `stream` has handed all its output to the OS. If the reader went away meanwhile,
 * this never resolves: the EPIPE handler ends the process first.
 */
export function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.writableLength === 0) return Promise.resolve();
  return new Promise((resolve) => stream.once('drain', () => resolve()));
}

/** The binary's standard streams: a reader that stops reading ends labfleet quietly, as it ends Unix tools. */
import { EXIT } from '../../simulator/error-codes.js';

/**
 * `labfleet collect arp | head -1`: once the reader is gone, writing to the pipe fails with EPIPE
 * (Node ignores SIGPIPE, so the write errs instead of killing us). There is nobody left to tell,
 * so the process ends at once with 0, no trace; exit hooks still restore the terminal. Any other
 * error of the streams stays an error.
 */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(EXIT.OK);
    });
}

import { writeFile } from 'node:fs/promises';
import { LabfleetError } from '../../simulator/errors.js';
import { streamHasColors } from './colors.js';
import { drained, writeStd } from './stdio.js';

/** Where CLI output goes: the process in real use, buffers in tests. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Resolves once what went to `out` has left the process (a pipe takes big output a bit at a time). */
  flush?: () => Promise<void>;
  /** Whether `out` takes ANSI colours (a terminal, or FORCE_COLOR; see colors.ts); none when absent. */
  colors?: () => boolean;
}

export const processIO: CliIO = {
  out: (text) => writeStd(process.stdout, text),
  err: (text) => writeStd(process.stderr, text),
  flush: () => drained(process.stdout),
  colors: () => streamHasColors(process.stdout),
};

/** The contract's exit codes live with the error catalogue, which maps each error code to one. */
export { EXIT } from '../../simulator/error-codes.js';

/** Thrown by commands to end with a code after printing what they had to say. */
export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** `--seed 42` is the number 42; any other text is a string seed. */
export function parseSeed(text: string | undefined): string | number | undefined {
  if (text === undefined) return undefined;
  return /^\d{1,15}$/.test(text) ? Number(text) : text;
}

/** Writes a command's output to `file`, or to stdout when no file is given. */
export async function writeOutput(io: CliIO, text: string, file: string | undefined): Promise<void> {
  if (!file) return io.out(text);
  try {
    await writeFile(file, text);
  } catch (cause) {
    throw new LabfleetError('FILE_UNWRITABLE', `cannot write ${file}: ${(cause as Error).message}`, {
      cause,
    });
  }
}

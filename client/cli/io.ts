import { writeFile } from 'node:fs/promises';
import { LabfleetError } from '../../simulator/errors.js';

/** Where CLI output goes: the process in real use, buffers in tests. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Exit codes of the contract: 0 success, 1 mismatches found, 2 usage/topology/connection-wide error. */
export const EXIT = { OK: 0, MISMATCH: 1, USAGE: 2 } as const;

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

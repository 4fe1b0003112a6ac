/** The foreign topology formats labfleet reads, and the source that points back into their files. */
import { renderPath, type SourceFile } from '../source.js';
import { containerlab } from './containerlab.js';
import { netlabFormat } from './netlab.js';
import type { ForeignFormat, Translation } from './types.js';

export type { ForeignFormat, Translation } from './types.js';
export { PathOrigins } from './types.js';

/** Tried in order; the first whose detect() accepts a file translates it. */
export const FOREIGN_FORMATS: readonly ForeignFormat[] = [containerlab, netlabFormat];

/** The foreign format a parsed file is in, or undefined for labfleet's own. */
export function findForeignFormat(file: string, data: unknown): ForeignFormat | undefined {
  return FOREIGN_FORMATS.find((format) => format.detect(file, data));
}

/**
 * The translated data as a source: later phases read labfleet paths; locating and naming a path
 * goes through the translation's origin into the original file.
 */
export function translatedSource(original: SourceFile, translation: Translation): SourceFile {
  return {
    file: original.file,
    data: translation.data,
    locate: (path, options) => original.locate(translation.origin(path), options),
    describe: (path) => renderPath(translation.origin(path)),
  };
}

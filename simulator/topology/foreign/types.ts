/**
 * Other tools' topology files (containerlab, netlab) read as labfleet topologies: a format
 * translates its file into the data a labfleet topology file would hold, remembering where each
 * translated path came from, so that every later diagnostic points into the file the user wrote.
 */
import type { Diagnostic } from '../../errors.js';
import type { PathSegment, SourceFile } from '../source.js';

/** What translating a file gave: labfleet topology data, or the problems that stopped it. */
export interface Translation {
  /** The topology as labfleet's own format would write it (checked by the same schema). */
  data: unknown;
  /** Where a translated path came from in the original file (see PathOrigins). */
  origin(path: readonly PathSegment[]): PathSegment[];
  /** What was mapped, one line each, for `validate` (`R1: kind ceos → arista_eos, model cEOS`). */
  notes: string[];
  /** Problems located in the original file; any at all and the topology is not built. */
  diagnostics: Diagnostic[];
  /** Diagnostics beyond the reported ones, counted but not listed. */
  omitted: number;
}

export interface ForeignFormat {
  /** As messages name it: `containerlab`, `netlab`. */
  name: string;
  /** True when the file (by name or content) is in this format and not labfleet's own. */
  detect(file: string, data: unknown): boolean;
  translate(source: SourceFile): Translation;
}

/**
 * Records, for translated paths, the original path they came from; a path not recorded maps
 * through its longest recorded prefix (`links[3].endpoints[1]` under `links[3]` ← `topology.links[3]`
 * becomes `topology.links[3].endpoints[1]`), and the rest is appended.
 */
export class PathOrigins {
  private readonly byKey = new Map<string, PathSegment[]>();

  set(translated: readonly PathSegment[], original: readonly PathSegment[]): void {
    this.byKey.set(keyOf(translated), [...original]);
  }

  origin = (path: readonly PathSegment[]): PathSegment[] => {
    for (let length = path.length; length >= 0; length--) {
      const original = this.byKey.get(keyOf(path.slice(0, length)));
      if (original) return [...original, ...path.slice(length)];
    }
    return [...path];
  };
}

function keyOf(path: readonly PathSegment[]): string {
  return JSON.stringify(path);
}

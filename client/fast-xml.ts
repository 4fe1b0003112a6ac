/**
 * fast-xml-parser, loaded on first use and from its one-file CommonJS build. Its ES module build is
 * some 30 files (~100 ms to load on a slow box, against ~15 ms), which every `check` over SSH would
 * pay without reading any XML (docs/cli-start.md).
 */
import { createRequire } from 'node:module';

type FastXml = typeof import('fast-xml-parser');

let loaded: FastXml | undefined;

export function fastXml(): FastXml {
  return (loaded ??= createRequire(import.meta.url)('fast-xml-parser') as FastXml);
}

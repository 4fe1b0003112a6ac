/**
 * `get-system-memory-information` (`show system memory`): a summary (`system-memory-<row>` and
 * `-percent`, Kbytes) and one `pmap-terse-summary` per process, element names as Juniper's
 * junos-ez-stdlib reads them. Numbers are read back from the CLI renderer, which keeps the split of
 * used memory to itself, so REST and CLI print the same figures. Percentages keep their `%` (scripts
 * of these replies strip it); the shape is from those readers, not from a capture.
 */
import { renderShowSystemMemory } from '../../../personalities/juniper-junos/render/memory.js';
import type { RenderContext } from '../../../personalities/render-context.js';
import { element, leaf, type JunosElement } from '../tree.js';
import { perMemberElement } from './namespaces.js';

const SUMMARY = /^\s*(\w+) memory:\s+(\d+) Kbytes \(\s*(\d+)%\)$/;
const PROCESS = /^\s*(\d+)\s+(\d+)\(\s*([\d.]+)\)\s+(\d+)\(\s*([\d.]+)\)\s+(.+)$/;

export function buildSystemMemory(ctx: RenderContext): JunosElement {
  const lines = renderShowSystemMemory(ctx).split('\n');
  const summary = lines.flatMap((line) => {
    const m = SUMMARY.exec(line);
    if (!m) return [];
    const row = `system-memory-${m[1]!.toLowerCase()}`;
    return [leaf(row, m[2]!), leaf(`${row}-percent`, `${m[3]!}%`)];
  });
  const processes = lines.flatMap((line) => {
    const m = PROCESS.exec(line);
    if (!m) return [];
    return [
      element('pmap-terse-summary', [
        leaf('pid', m[1]!),
        leaf('size', m[2]!),
        leaf('size-percent', Number(m[3]).toFixed(2)),
        leaf('resident', m[4]!),
        leaf('resident-percent', Number(m[5]).toFixed(2)),
        leaf('map-name', m[6]!),
      ]),
    ];
  });
  return perMemberElement(
    ctx,
    element('system-memory-information', [
      element('system-memory-summary-information', summary),
      element('pmap-terse-information', processes),
    ]),
  );
}

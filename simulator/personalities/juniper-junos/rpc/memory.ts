/**
 * `get-system-memory-information` (`show system memory`): a summary (`system-memory-<row>` and
 * `-percent`, Kbytes) and one `pmap-terse-summary` per process, element names as Juniper's
 * junos-ez-stdlib reads them. The figures are the facts the CLI renderer prints, so REST and CLI
 * always agree. Percentages keep their `%` (scripts of these replies strip it); the shape is from
 * those readers, not from a capture.
 */
import { junosMemoryFacts } from '../render/memory.js';
import type { RenderContext } from '../../../device/render-context.js';
import { element, leaf, type JunosElement } from './tree.js';
import { perMemberElement } from './namespaces.js';

export function buildSystemMemory(ctx: RenderContext): JunosElement {
  const facts = junosMemoryFacts(ctx);
  const summary = facts.summary.flatMap(({ row, kbytes, percent }) => [
    leaf(`system-memory-${row}`, kbytes),
    leaf(`system-memory-${row}-percent`, `${percent}%`),
  ]);
  const processes = facts.processes.map((p) =>
    element('pmap-terse-summary', [
      leaf('pid', p.pid),
      leaf('size', p.vmKbytes),
      leaf('size-percent', p.vmPercent.toFixed(2)),
      leaf('resident', p.residentKbytes),
      leaf('resident-percent', p.residentPercent.toFixed(2)),
      leaf('map-name', p.name),
    ]),
  );
  return perMemberElement(
    ctx,
    element('system-memory-information', [
      element('system-memory-summary-information', summary),
      element('pmap-terse-information', processes),
    ]),
  );
}

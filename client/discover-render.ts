/** A discovery as the file says it: the topology to write, its header, and each list's lines. */
import type { GeneratedLink, GeneratedTopology } from '../simulator/generate/model.js';
import { PLATFORMS, type Platform } from '../simulator/topology/kinds/index.js';
import type { Conflict, Discovery, FailedDevice, UnresolvedEnd } from './discover.js';
import { canonicalHostname, renderPort } from './verify/ports.js';

/** What the header says and the file holds: the discovery as a topology to write. */
export function discoveryTopology(
  discovery: Discovery,
  options: { name: string; command: string; total: number },
): GeneratedTopology {
  const counts = new Map<Platform, number>();
  for (const d of discovery.devices) counts.set(d.platform, (counts.get(d.platform) ?? 0) + 1);
  const defaultKind = PLATFORMS.reduce((best, p) =>
    (counts.get(p) ?? 0) > (counts.get(best) ?? 0) ? p : best,
  );
  const links: GeneratedLink[] = discovery.links.map((l) => [
    `${l.a.device}:${l.a.interface}`,
    `${l.b.device}:${l.b.interface}`,
  ]);
  return {
    name: options.name,
    seed: options.name,
    command: options.command,
    header: discoveryHeader(discovery, options),
    defaultKind,
    ...(discovery.domain ? { domain: discovery.domain } : {}),
    ...(discovery.mgmtPool ? { mgmtPool: discovery.mgmtPool } : {}),
    nodes: discovery.devices.map((d) => ({ name: d.name, kind: d.platform, model: d.model, labels: {} })),
    links,
  };
}

/** The most lines of each list the header holds; stderr (and --json) lists them all. */
const HEADER_LIST_MAX = 50;

/** The header: where the file came from, how much answered, and every list that needs a look. */
export function discoveryHeader(discovery: Discovery, options: { command: string; total: number }): string[] {
  const one = discovery.links.filter((l) => l.seen === 'one').length;
  const lines = [
    `Discovered by: labfleet ${options.command}`,
    `${discovery.devices.length} of ${options.total} devices answered; ${discovery.links.length} links (${discovery.links.length - one} seen from both ends, ${one} from one end only); ${summarizeUnresolved(discovery.unresolved)}; ${discovery.conflicts.length} conflicts.`,
  ];
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`${title}:`, ...items.slice(0, HEADER_LIST_MAX).map((i) => `  ${i}`));
    if (items.length > HEADER_LIST_MAX)
      lines.push(`  … and ${items.length - HEADER_LIST_MAX} more (listed on stderr)`);
  };
  list('Did not answer', discovery.failed.map(renderFailed));
  list(
    'Model not from show version',
    discovery.devices.flatMap((d) => (d.modelNote ? [`${d.name}: ${d.modelNote}`] : [])),
  );
  list('Conflicts (no link written)', discovery.conflicts.map(renderConflict));
  list('Unresolved ends (no link written)', discovery.unresolved.map(renderUnresolved));
  if (discovery.mgmtPoolNote)
    lines.push(`${discovery.mgmtPoolNote[0]!.toUpperCase()}${discovery.mgmtPoolNote.slice(1)}.`);
  return lines;
}

export const renderFailed = (f: FailedDevice): string => `${f.device} (${f.code}: ${f.message})`;

export const renderConflict = (c: Conflict): string =>
  `${renderPort(c.claim[0])} sees ${renderPort(c.claim[1])}, but ${c.but}`;

export const renderUnresolved = (u: UnresolvedEnd): string =>
  `${renderPort(u.port)} sees ${u.neighbor.device} ${u.neighbor.interface} (${u.reason}${u.detail ? `: ${u.detail}` : ''})`;

/** `92 unresolved ends (90 to 20 devices not in the inventory, 2 to 1 device that did not answer)`. */
export function summarizeUnresolved(unresolved: readonly UnresolvedEnd[]): string {
  const reasons = new Map<string, { ends: number; devices: Set<string> }>();
  for (const u of unresolved) {
    const entry = reasons.get(u.reason) ?? { ends: 0, devices: new Set<string>() };
    entry.ends++;
    entry.devices.add(canonicalHostname(u.neighbor.device).toLowerCase());
    reasons.set(u.reason, entry);
  }
  const parts = [...reasons].map(([reason, { ends, devices }]) =>
    reason === 'no model has the port'
      ? `${ends} at a port no labfleet model has`
      : `${ends} to ${devices.size} ${devices.size === 1 ? 'device' : 'devices'} ${reason === 'did not answer' ? 'that did not answer' : reason}`,
  );
  return `${unresolved.length} unresolved ends${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/** `labfleet ctl status` as text: what is out of the ordinary, then the drift and faults in force. */
import type { DeviceStatus, FaultStatus, RawDriftItem } from '../../../simulator/fleet/control.js';

/** What GET /devices, /drift and /faults answer, together. */
export interface Status {
  devices: DeviceStatus[];
  drift: RawDriftItem[];
  faults: FaultStatus[];
}

const sessionsOf = (d: DeviceStatus) =>
  Object.values(d.counters).reduce((sum, c) => sum + (c?.sessions ?? 0), 0);

export function renderStatus(status: Status): string {
  const { devices, drift, faults } = status;
  const byAvailability = new Map<string, number>();
  for (const d of devices) byAvailability.set(d.availability, (byAvailability.get(d.availability) ?? 0) + 1);
  const sessions = devices.reduce((sum, d) => sum + sessionsOf(d), 0);
  const lines = [
    `${devices.length} devices: ${[...byAvailability].map(([state, n]) => `${n} ${state}`).join(', ')}; ${sessions} session(s) open`,
  ];
  const notable = devices.filter((d) => d.availability !== 'up' || d.faults.length > 0 || sessionsOf(d) > 0);
  if (notable.length > 0) {
    const rows = [
      ['DEVICE', 'PLATFORM', 'STATE', 'SESSIONS', 'FAULTS'],
      ...notable.map((d) => [
        d.name,
        d.platform,
        d.availability,
        String(sessionsOf(d)),
        d.faults.join(',') || '-',
      ]),
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    lines.push(
      '',
      ...rows.map((r) =>
        r
          .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
          .join('  ')
          .trimEnd(),
      ),
    );
  }
  lines.push('', drift.length === 0 ? 'drift: none' : `drift: ${drift.length} item(s)`);
  for (const item of drift) lines.push(`  ${renderDriftItem(item)}`);
  lines.push(faults.length === 0 ? 'faults: none' : `faults: ${faults.length}`);
  for (const f of faults)
    lines.push(
      `  ${f.id}  ${f.kind} on ${f.devices.length} device(s): ${f.devices.join(', ')}${f.until === undefined ? '' : ` (until ${new Date(f.until).toISOString()})`}`,
    );
  return lines.join('\n') + '\n';
}

function renderDriftItem(item: RawDriftItem): string {
  if ('unplug' in item) return `unplug ${item.unplug}`;
  if ('move' in item) return `move ${item.move.from} -> ${item.move.to}`;
  if ('swap' in item) return `swap ${item.swap[0]} <-> ${item.swap[1]}`;
  return `add ${item.add[0]} <-> ${item.add[1]}`;
}

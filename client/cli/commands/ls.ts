/** `labfleet ls [--json]`: the running labs, one line each (stale records are removed on the way). */
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { labsDir, listLabs, sshSpan, type LabRecord } from '../labs.js';

export function registerLs(program: Command, io: CliIO): void {
  program
    .command('ls')
    .description('list the running labs (started with up --name, or named after their topology)')
    .option('--json', 'print the lab records as JSON')
    .action(async (options: { json?: boolean }) => {
      const labs = await listLabs();
      if (options.json) return io.out(JSON.stringify(labs, null, 2) + '\n');
      if (labs.length === 0) return io.out(`no labs running (records in ${labsDir()})\n`);
      io.out(
        renderTable([
          ['NAME', 'TOPOLOGY', 'DEVICES', 'PID', 'STARTED', 'SSH', 'CONTROL'],
          ...labs.map((lab) => [
            lab.name,
            lab.topology.name,
            lab.state === 'running' ? String(lab.devices?.length ?? 0) : 'starting',
            String(lab.pid),
            lab.started,
            lab.state === 'running' ? sshSpan(lab) : '-',
            controlUrl(lab),
          ]),
        ]),
      );
    });
}

export const controlUrl = (lab: LabRecord): string => lab.control_url ?? '-';

/** Rows as left-aligned columns two spaces apart, as `docker ps` and `clab inspect` print them. */
export function renderTable(rows: ReadonlyArray<readonly string[]>): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map(
      (r) =>
        r
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd() + '\n',
    )
    .join('');
}
